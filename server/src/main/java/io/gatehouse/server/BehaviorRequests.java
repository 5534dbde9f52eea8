package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request-level rules of resources with a {@link ResourceBehavior} (custom resources, CRDs),
 * kept out of {@link ResourceHandler}: the verb check and deprecation warning of custom resources,
 * their patch types (no strategic merge patch), the decoding of applied configurations, and the
 * update that must carry a {@code
 * resourceVersion} (neither allows unconditional updates). Stateless.
 */
final class BehaviorRequests {

  private BehaviorRequests() {}

  /**
   * Checks the verb and returns the warnings every request to {@code r} gets.
   *
   * @throws StatusException 405 for a create while the custom resource's CRD is terminating
   */
  static List<String> begin(StoredResource r, String verb) {
    if (!(r.behavior() instanceof CustomResourceBehavior cr)) {
      return List.of();
    }
    cr.checkVerb(verb);
    String warning = cr.deprecationWarning();
    return warning == null ? List.of() : List.of(warning);
  }

  /**
   * Checks a patch's media type against what {@code r} accepts.
   *
   * @param supported the generic patch types
   * @throws StatusException 415 listing the accepted types
   */
  static void checkPatchType(StoredResource r, String type, List<String> supported) {
    if (r.behavior() instanceof CustomResourceBehavior) {
      if (!CustomResourceBehavior.PATCH_TYPES.contains(type)) {
        throw ApiErrors.unsupportedMediaType(CustomResourceBehavior.PATCH_TYPES);
      }
    } else if (!supported.contains(type)) {
      throw ApiErrors.unsupportedMediaType(supported);
    }
  }

  /** Prunes a custom resource's apply configuration to its schema, before field management. */
  static void pruneConfiguration(StoredResource r, Map<String, @Nullable Object> configuration) {
    if (r.behavior() instanceof CustomResourceBehavior cr) {
      cr.pruneConfiguration(configuration);
    }
  }

  /**
   * Decodes the result of a server-side apply as a patched object of {@code r} (pruning,
   * defaulting, unknown fields by {@code fieldValidation}); does nothing for other resources.
   */
  static void decodeApplied(StoredResource r, ApiRequest request, Unstructured obj) {
    if (r.behavior() != null) {
      r.behavior().decode(obj, FieldValidation.of(request), true, new java.util.ArrayList<>());
    }
  }

  /**
   * Refuses an update without {@code metadata.resourceVersion} of a resource that does not allow
   * unconditional updates (422 {@code <resource>.<group> "<name>" is invalid:
   * metadata.resourceVersion: Invalid value: 0: must be specified for an update}).
   */
  static void requireResourceVersion(StoredResource r, Unstructured updated) {
    if (r.behavior() == null) {
      return;
    }
    Object rv = updated.metadata().get("resourceVersion");
    if (rv instanceof String s && !s.isEmpty()) {
      return;
    }
    String group = r.groupResource().group();
    String resource = r.groupResource().resource();
    String field = "metadata.resourceVersion";
    String body = "Invalid value: 0: must be specified for an update";
    throw new StatusException(new Status(resource + "." + group + " "
        + GoQuote.quote(updated.name()) + " is invalid: " + field + ": " + body,
        StatusReason.INVALID, new Status.Details(updated.name(), group, resource,
        List.of(new Status.Cause("FieldValueInvalid", body, field))), 422));
  }
}
