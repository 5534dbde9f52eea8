package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.server.schema.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream's {@code apierrors.NewInvalid} for field errors of the schema package: one cause per
 * error (reason, body, field) and the message {@code <Kind>.<group> "<name>" is invalid: <errors>},
 * the errors aggregated as {@code ErrorList.ToAggregate} does (duplicates dropped, several in
 * brackets). Stateless.
 */
final class SchemaErrors {

  private SchemaErrors() {}

  static StatusException invalid(String group, String kind, String name, List<FieldError> errors) {
    String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
    List<Status.Cause> causes = new ArrayList<>();
    Set<String> messages = new LinkedHashSet<>();
    for (FieldError e : errors) {
      causes.add(new Status.Cause(e.type().reason(), e.body(), e.field()));
      messages.add(e.message());
    }
    String message = qualifiedKind + " " + GoQuote.quote(name) + " is invalid";
    if (!messages.isEmpty()) {
      message += ": " + (messages.size() == 1 ? messages.iterator().next()
          : "[" + String.join(", ", messages) + "]");
    }
    return new StatusException(new Status(message, StatusReason.INVALID,
        new Status.Details(name, group, kind, causes), 422));
  }
}
