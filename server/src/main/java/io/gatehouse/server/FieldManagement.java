package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.server.apply.ApplySchema;
import io.gatehouse.server.apply.BuiltinApplySchema;
import io.gatehouse.server.apply.FieldManager;
import io.gatehouse.server.apply.ResetFields;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code metadata.managedFields} on the REST verbs, as kube-apiserver's handlers record them:
 * the manager is the {@code fieldManager} parameter or, when absent, the {@code User-Agent} up to
 * its first {@code /} (printable characters only, at most 128 bytes); the write's options are
 * validated first as upstream's {@code ValidateCreateOptions}/{@code UpdateOptions}/{@code
 * PatchOptions} ({@code force} only on apply patches, {@code fieldManager} required there, then
 * {@code fieldManager}, {@code dryRun} and {@code fieldValidation}), all errors in one 422 {@code
 * <Kind>Options.meta.k8s.io "" is invalid}. Thread-safe.
 */
final class FieldManagement {

  static final int MAX_MANAGER_LENGTH = 128;

  private final ApplySchema schema;
  private final Clock clock;

  FieldManagement(ApplySchema schema, Clock clock) {
    this.schema = schema;
    this.clock = clock;
  }

  /**
   * Field management for the resources of {@code table}: custom resources typed by their CRD's
   * schema ({@link CustomResourceApplySchema}), the other kinds by {@link BuiltinApplySchema}.
   */
  static FieldManagement of(ResourceTable table, Clock clock) {
    return new FieldManagement(new CustomResourceApplySchema(table::forKind)
        .or(new BuiltinApplySchema()), clock);
  }

  /** The field manager of {@code r}'s endpoint {@code subresource}. */
  FieldManager forResource(StoredResource r, String subresource) {
    return FieldManager.create(schema, r.kind(), subresource,
        ResetFields.of(r.hasSubresource("status"), subresource), clock);
  }

  /**
   * Returns the manager of a create, update or non-apply patch, after validating the request's
   * options ({@code options} is {@code CreateOptions}, {@code UpdateOptions} or {@code
   * PatchOptions}).
   *
   * @throws StatusException 422 for an invalid {@code fieldManager}, {@code dryRun} or {@code
   *     fieldValidation}, or {@code force} on a patch
   */
  static String manager(ApiRequest request, String options) {
    String fieldManager = request.queryValue("fieldManager").orElse("");
    List<ApiErrors.FieldError> errors = new ArrayList<>();
    if (options.equals("PatchOptions") && request.queryValue("force").isPresent()) {
      errors.add(ApiErrors.FieldError.forbidden("force", "may not be specified for non-apply "
          + "patch"));
    }
    errors.addAll(validate(fieldManager));
    errors.addAll(DryRun.validate(request.query().getOrDefault("dryRun", List.of())));
    errors.addAll(FieldValidation.validate(request));
    if (!errors.isEmpty()) {
      throw ApiErrors.invalid("meta.k8s.io", options, "", errors);
    }
    return fieldManager.isEmpty() ? fromUserAgent(request.headers().first("User-Agent"))
        : fieldManager;
  }

  /** The options of an apply patch. */
  record ApplyOptions(String manager, boolean force) {}

  /**
   * Validates and returns the options of an apply patch.
   *
   * @throws StatusException 400 for an unparsable {@code force}, 422 for a missing or invalid
   *     {@code fieldManager}, or an invalid {@code dryRun} or {@code fieldValidation}
   */
  static ApplyOptions applyOptions(ApiRequest request) {
    boolean force = request.queryValue("force").map(FieldManagement::parseBool).orElse(false);
    String fieldManager = request.queryValue("fieldManager").orElse("");
    List<ApiErrors.FieldError> errors = new ArrayList<>();
    if (fieldManager.isEmpty()) {
      errors.add(ApiErrors.FieldError.required("fieldManager", "is required for apply patch"));
    }
    errors.addAll(validate(fieldManager));
    errors.addAll(DryRun.validate(request.query().getOrDefault("dryRun", List.of())));
    errors.addAll(FieldValidation.validate(request));
    if (!errors.isEmpty()) {
      throw ApiErrors.invalid("meta.k8s.io", "PatchOptions", "", errors);
    }
    return new ApplyOptions(fieldManager, force);
  }

  private static boolean parseBool(String v) {
    return switch (v) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw StatusException.badRequest("strconv.ParseBool: parsing " + GoQuote.quote(v)
          + ": invalid syntax");
    };
  }

  /** Upstream's {@code ValidateFieldManager}. */
  private static List<ApiErrors.FieldError> validate(String fieldManager) {
    List<ApiErrors.FieldError> errors = new ArrayList<>();
    if (fieldManager.getBytes(StandardCharsets.UTF_8).length > MAX_MANAGER_LENGTH) {
      errors.add(new ApiErrors.FieldError("FieldValueTooLong", "fieldManager",
          "must have at most " + MAX_MANAGER_LENGTH + " bytes"));
    }
    int position = 0;
    for (int i = 0; i < fieldManager.length(); ) {
      int cp = fieldManager.codePointAt(i);
      if (!printable(cp)) {
        errors.add(ApiErrors.FieldError.invalid("fieldManager", GoQuote.quote(fieldManager),
            String.format(Locale.ROOT, "invalid character U+%04X (at position %d)", cp,
                position)));
      }
      position += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      i += Character.charCount(cp);
    }
    return errors;
  }

  /** Go's {@code unicode.IsPrint}, close enough: letters, marks, numbers, punctuation, symbols, space. */
  private static boolean printable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
          Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  /** Upstream's {@code prefixFromUserAgent}. */
  static String fromUserAgent(@Nullable String userAgent) {
    String ua = userAgent == null ? "" : userAgent;
    int slash = ua.indexOf('/');
    String prefix = slash < 0 ? ua : ua.substring(0, slash);
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < prefix.length(); ) {
      int cp = prefix.codePointAt(i);
      i += Character.charCount(cp);
      if (!printable(cp)) {
        continue;
      }
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + len > MAX_MANAGER_LENGTH) {
        break;
      }
      bytes += len;
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** Records a create by {@code manager}. */
  Unstructured created(StoredResource r, Unstructured obj, String manager) {
    return forResource(r, "").update(null, obj, manager);
  }

  /** Records that {@code manager} turned {@code live} into {@code updated}. */
  Unstructured updated(StoredResource r, String subresource, Unstructured live,
      Unstructured updated, String manager) {
    return forResource(r, subresource).update(live, updated, manager);
  }
}
