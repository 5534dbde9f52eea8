package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code k8s.io/apimachinery/pkg/api/errors} constructors for the storage-backed REST
 * handlers: the messages, reasons, codes and details kube-apiserver returns. {@code qualified}
 * resources print as {@code resource} for the core group and {@code resource.group} otherwise;
 * details name the resource (not the kind), as upstream does. Stateless.
 */
final class ApiErrors {

  private ApiErrors() {}

  /** One invalid field, as upstream's {@code field.Error}. */
  record FieldError(String type, String field, String detail) {

    static FieldError required(String field, String detail) {
      return new FieldError("FieldValueRequired", field, detail);
    }

    static FieldError invalid(String field, String value, String detail) {
      return new FieldError("FieldValueInvalid", field, value + ": " + detail);
    }

    static FieldError forbidden(String field, String detail) {
      return new FieldError("FieldValueForbidden", field, detail);
    }

    /** The cause message, e.g. {@code Invalid value: "x": must be …}. */
    String message() {
      String prefix = switch (type) {
        case "FieldValueRequired" -> "Required value";
        case "FieldValueInvalid" -> "Invalid value";
        case "FieldValueForbidden" -> "Forbidden";
        case "FieldValueTooLong" -> "Too long";
        case "FieldValueNotSupported" -> "Unsupported value";
        case "FieldValueDuplicate" -> "Duplicate value";
        default -> type;
      };
      return detail.isEmpty() ? prefix : prefix + ": " + detail;
    }
  }

  static String qualified(GroupResource gr) {
    return gr.group().isEmpty() ? gr.resource() : gr.resource() + "." + gr.group();
  }

  private static Status.Details details(GroupResource gr, String name) {
    return new Status.Details(name, gr.group(), gr.resource(), List.of());
  }

  static StatusException notFound(GroupResource gr, String name) {
    return new StatusException(new Status(qualified(gr) + " " + GoQuote.quote(name) + " not found",
        StatusReason.NOT_FOUND, details(gr, name), 404));
  }

  static StatusException alreadyExists(GroupResource gr, String name) {
    return new StatusException(new Status(
        qualified(gr) + " " + GoQuote.quote(name) + " already exists",
        StatusReason.ALREADY_EXISTS, details(gr, name), 409));
  }

  /**
   * Upstream's {@code NewGenerateNameConflict}: every generated name tried already existed (409
   * AlreadyExists, retry after a second).
   */
  static StatusException generateNameConflict(GroupResource gr, String name) {
    return new StatusException(new Status(qualified(gr) + " " + GoQuote.quote(name)
        + " already exists, the server was not able to generate a unique name for the object",
        StatusReason.ALREADY_EXISTS, new Status.Details(name, gr.group(), gr.resource(), List.of(), 1),
        409));
  }

  /** A conflict with upstream's "Operation cannot be fulfilled on …" wording. */
  static StatusException conflict(GroupResource gr, String name, String reason) {
    return new StatusException(new Status("Operation cannot be fulfilled on " + qualified(gr) + " "
        + GoQuote.quote(name) + ": " + reason, StatusReason.CONFLICT, details(gr, name), 409));
  }

  /** The optimistic-concurrency conflict. */
  static StatusException modified(GroupResource gr, String name) {
    return conflict(gr, name, "the object has been modified; please apply your changes to the "
        + "latest version and try again");
  }

  static StatusException forbidden(GroupResource gr, String name, String reason,
      List<Status.Cause> causes) {
    String message = name.isEmpty()
        ? qualified(gr) + " is forbidden: " + reason
        : qualified(gr) + " " + GoQuote.quote(name) + " is forbidden: " + reason;
    return new StatusException(new Status(message, StatusReason.FORBIDDEN,
        new Status.Details(name, gr.group(), gr.resource(), causes), 403));
  }

  /** {@code Kind[.group] "name" is invalid: …} with one cause per field error. */
  static StatusException invalid(String group, String kind, String name, List<FieldError> errors) {
    String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
    List<String> parts = new ArrayList<>();
    List<Status.Cause> causes = new ArrayList<>();
    for (FieldError e : errors) {
      parts.add(e.field() + ": " + e.message());
      causes.add(new Status.Cause(e.type(), e.message(), e.field()));
    }
    String aggregate = parts.size() == 1 ? parts.get(0) : "[" + String.join(", ", parts) + "]";
    return new StatusException(new Status(qualifiedKind + " " + GoQuote.quote(name)
        + " is invalid: " + aggregate, StatusReason.INVALID,
        new Status.Details(name, group, kind, causes), 422));
  }

  /** 410 Expired with {@code message}. */
  static StatusException expired(String message) {
    return new StatusException(new Status(message, StatusReason.EXPIRED, null, 410));
  }

  static StatusException methodNotAllowed(String verb, GroupResource gr) {
    return new StatusException(new Status(verb + " is not supported on resources of kind "
        + GoQuote.quote(qualified(gr)), StatusReason.METHOD_NOT_ALLOWED,
        new Status.Details("", gr.group(), gr.resource(), List.of()), 405));
  }

  static StatusException unsupportedMediaType(List<String> accepted) {
    return new StatusException(new Status(
        "the body of the request was in an unknown format - accepted media types include: "
            + String.join(", ", accepted), StatusReason.UNSUPPORTED_MEDIA_TYPE, null, 415));
  }

  /** Upstream's {@code NewGenericServerResponse(422, …)}: patch application failures. */
  static StatusException unprocessable(String serverMessage) {
    return new StatusException(new Status(
        "the server rejected our request due to an error in our request", StatusReason.INVALID,
        new Status.Details("", "", "", List.of(
            new Status.Cause("UnexpectedServerResponse", serverMessage, ""))), 422));
  }

  static StatusException tooLargeResourceVersion(long requested, long current) {
    return new StatusException(new Status("Too large resource version: " + requested
        + ", current: " + current, StatusReason.TIMEOUT, new Status.Details("", "", "",
            List.of(new Status.Cause("ResourceVersionTooLarge", "Too large resource version", ""))),
        504));
  }
}
