package io.gatehouse.admission;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Map;

/**
 * The denials built-in plugins return, worded as upstream's {@code admission.NewForbidden} and
 * {@code apierrors.NewNotFound}. Stateless.
 */
public final class AdmissionErrors {

  private AdmissionErrors() {}

  /**
   * A 403 {@code <resource>[.<group>] "<name>" is forbidden: <reason>}, the name being upstream's
   * {@code extractResourceName}: the request's name, else the object's name or generateName, else
   * {@code Unknown}.
   */
  public static AdmissionResult forbidden(String plugin, AdmissionAttributes a, String reason) {
    String name = resourceName(a);
    String group = a.resource().group();
    String qualified = group.isEmpty() ? a.resource().resource()
        : a.resource().resource() + "." + group;
    String message = qualified + " " + GoQuote.quote(name) + " is forbidden: " + reason;
    return new AdmissionResult(List.of(new Denial(plugin, "", "", reason, "Forbidden", 403, "",
        "")), List.of(), Map.of(), new Status(message, StatusReason.FORBIDDEN,
        new Status.Details(name, group, a.resource().resource(), List.of()), 403));
  }

  /** The text of upstream's {@code NewNotFound(resource, name)}: {@code <resource> "<name>" not found}. */
  public static String notFound(String resource, String name) {
    return resource + " " + GoQuote.quote(name) + " not found";
  }

  /**
   * Upstream's {@code utilerrors.NewAggregate(errs).Error()}: one message as is; several,
   * de-duplicated in order, joined with {@code ", "} inside brackets (no brackets once
   * de-duplication leaves one).
   */
  public static String aggregate(List<String> messages) {
    List<String> distinct = messages.stream().distinct().toList();
    if (distinct.size() == 1) {
      return distinct.get(0);
    }
    return "[" + String.join(", ", distinct) + "]";
  }

  /** Upstream's {@code extractResourceName}. */
  public static String resourceName(AdmissionAttributes a) {
    if (!a.name().isEmpty()) {
      return a.name();
    }
    Unstructured o = a.object();
    if (o != null) {
      if (!o.name().isEmpty()) {
        return o.name();
      }
      if (!o.generateName().isEmpty()) {
        return o.generateName();
      }
    }
    return "Unknown";
  }
}
