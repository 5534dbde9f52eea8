package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.authz.RequestAttributes;
import java.util.List;

/**
 * Upstream's Forbidden response ({@code responsewriters.Forbidden} with {@code
 * apierrors.NewForbidden}): {@code <resource>[.<group>] ["<name>"] is forbidden: User "u" cannot
 * <verb> resource "<res>[/<sub>]" in API group "<g>" in the namespace "<ns>"} (or {@code at the
 * cluster scope}), or {@code forbidden: User "u" cannot <verb> path "<p>"}; {@code : <reason>}
 * appended when the authorizer gave one; {@code &}, {@code <}, {@code >} of the generated part
 * HTML-escaped. Stateless.
 */
final class Forbidden {

  private Forbidden() {}

  static Status status(RequestAttributes attributes, String reason) {
    String msg = HtmlSanitizer.sanitize(message(attributes));
    String err = reason.isEmpty() ? msg : msg + ": " + reason;
    String resource = attributes.resource();
    String group = attributes.apiGroup();
    String name = attributes.name();
    String prefix;
    if (resource.isEmpty() && group.isEmpty()) {
      prefix = "forbidden: ";
    } else {
      String qualified = group.isEmpty() ? resource : resource + "." + group;
      prefix = name.isEmpty()
          ? qualified + " is forbidden: "
          : qualified + " " + GoQuote.quote(name) + " is forbidden: ";
    }
    return new Status(prefix + err, StatusReason.FORBIDDEN,
        new Status.Details(name, group, resource, List.of()), 403);
  }

  /** Upstream's {@code forbiddenMessage}. */
  static String message(RequestAttributes a) {
    String user = GoQuote.quote(a.user().name());
    if (!a.resourceRequest()) {
      return "User " + user + " cannot " + a.verb() + " path " + GoQuote.quote(a.path());
    }
    String resource = a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
    String scope = a.namespace().isEmpty()
        ? "at the cluster scope"
        : "in the namespace " + GoQuote.quote(a.namespace());
    return "User " + user + " cannot " + a.verb() + " resource " + GoQuote.quote(resource)
        + " in API group " + GoQuote.quote(a.apiGroup()) + " " + scope;
  }
}
