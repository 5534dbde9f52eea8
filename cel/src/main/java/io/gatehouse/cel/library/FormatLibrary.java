package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.api.validation.NameValidation;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The Kubernetes {@code format} library (Kubernetes 1.31+): {@code format.named(string) →
 * optional<Format>}, a constructor {@code format.<name>()} per named format, and {@code
 * Format.validate(string) → optional<list<string>>}, which is {@code none} for a valid string and
 * otherwise the problems in apimachinery's or kube-openapi's words.
 *
 * <p>The names: {@code dns1123Label}, {@code dns1123Subdomain}, {@code dns1035Label}, {@code
 * qualifiedName}, {@code dns1123LabelPrefix}, {@code dns1123SubdomainPrefix}, {@code
 * dns1035LabelPrefix}, {@code labelValue}, {@code uri}, {@code uuid}, {@code byte}, {@code date},
 * {@code datetime}. The {@code …Prefix} formats validate {@code generateName} prefixes; for the
 * lone string {@code "-"} upstream panics, which cel-go reports as the error {@code internal
 * error: runtime error: slice bounds out of range [:-1]}, reproduced here.
 *
 * <p>Overload ids: {@code format-validate}, {@code format-named}, and {@code format.<name>} for
 * each constructor (e.g. {@code format.dns1123Label}).
 *
 * <p>Immutable singleton; thread-safe.
 */
public final class FormatLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final FormatLibrary INSTANCE = new FormatLibrary();

  /** The CEL type {@code kubernetes.NamedFormat}. */
  public static final OpaqueType FORMAT_TYPE = OpaqueType.create("kubernetes.NamedFormat");

  private static final Map<String, NamedFormat> FORMATS = formats();

  private FormatLibrary() {}

  // Upstream's MaxRegexSize values. The last four are Go len() of the regular expressions the
  // format is (or, for uri, is estimated as) checked with: govalidator's URL and Base64 in the
  // version Kubernetes 1.31 vendors (v0.0.0-20190424111038-f61b66f89f4a) and kube-openapi's
  // strfmt.UUIDPattern and strfmt.DateTimePattern (date is charged like datetime).
  private static final long LABEL_REGEX_SIZE = 30;
  private static final long SUBDOMAIN_REGEX_SIZE = 60;
  private static final long LABEL_VALUE_REGEX_SIZE = 40;
  private static final long GOVALIDATOR_URL_SIZE = 1120;
  private static final long UUID_PATTERN_SIZE = 70;
  private static final long GOVALIDATOR_BASE64_SIZE = 84;
  private static final long DATE_TIME_PATTERN_SIZE = 71;

  private static Map<String, NamedFormat> formats() {
    Map<String, NamedFormat> m = new LinkedHashMap<>();
    m.put("dns1123Label",
        new NamedFormat(
            "DNS1123Label", s -> NameValidation.nameIsDnsLabel(s, false), LABEL_REGEX_SIZE));
    m.put("dns1123Subdomain",
        new NamedFormat(
            "DNS1123Subdomain",
            s -> NameValidation.nameIsDnsSubdomain(s, false),
            SUBDOMAIN_REGEX_SIZE));
    m.put("dns1035Label",
        new NamedFormat(
            "DNS1035Label", s -> NameValidation.nameIsDns1035Label(s, false), LABEL_REGEX_SIZE));
    m.put("qualifiedName",
        new NamedFormat("QualifiedName", NameValidation::isQualifiedName, SUBDOMAIN_REGEX_SIZE));
    m.put("dns1123LabelPrefix",
        new NamedFormat(
            "DNS1123LabelPrefix",
            prefix(s -> NameValidation.nameIsDnsLabel(s, true)),
            LABEL_REGEX_SIZE));
    m.put("dns1123SubdomainPrefix",
        new NamedFormat(
            "DNS1123SubdomainPrefix",
            prefix(s -> NameValidation.nameIsDnsSubdomain(s, true)),
            SUBDOMAIN_REGEX_SIZE));
    m.put("dns1035LabelPrefix",
        new NamedFormat(
            "DNS1035LabelPrefix",
            prefix(s -> NameValidation.nameIsDns1035Label(s, true)),
            LABEL_REGEX_SIZE));
    m.put("labelValue",
        new NamedFormat(
            "LabelValue", NameValidation::isValidLabelValue, LABEL_VALUE_REGEX_SIZE));
    m.put("uri",
        new NamedFormat("URI", FormatLibrary::requestUriErrors, GOVALIDATOR_URL_SIZE));
    m.put("uuid",
        check("uuid", OpenApiFormats::isUuid, "does not match the UUID format",
            UUID_PATTERN_SIZE));
    m.put("byte",
        check("byte", OpenApiFormats::isBase64, "invalid base64", GOVALIDATOR_BASE64_SIZE));
    m.put("date",
        check("date", OpenApiFormats::isDate, "invalid date", DATE_TIME_PATTERN_SIZE));
    m.put("datetime",
        check("datetime", OpenApiFormats::isDateTime, "invalid datetime",
            DATE_TIME_PATTERN_SIZE));
    return Map.copyOf(m);
  }

  /** Returns the format {@code format.<name>()} makes, or {@code null} if there is none. */
  static @Nullable NamedFormat named(String name) {
    return FORMATS.get(name);
  }

  /** {@code url.ParseRequestURI}'s error, as upstream returns it. */
  private static List<String> requestUriErrors(String s) {
    try {
      GoUrlParser.parseRequestUri(GoStrings.toBytes(s));
      return List.of();
    } catch (GoUrlParser.ParseException e) {
      return List.of(e.getMessage());
    }
  }

  private static NamedFormat check(
      String name, Predicate<String> valid, String message, long maxRegexSize) {
    return new NamedFormat(
        name, s -> valid.test(s) ? List.of() : List.of(message), maxRegexSize);
  }

  /** Turns upstream's panic on {@code "-"} into the error cel-go makes of it. */
  private static Function<String, List<String>> prefix(Function<String, List<String>> validator) {
    return s -> {
      try {
        return validator.apply(s);
      } catch (IndexOutOfBoundsException e) {
        throw new StandardFunctionException("internal error: " + e.getMessage());
      }
    };
  }

  @Override
  public String name() {
    return "format";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {
    List<CelFunctionDecl> decls = new ArrayList<>();
    decls.add(
        CelFunctionDecl.newFunctionDeclaration(
            "validate",
            CelOverloadDecl.newMemberOverload(
                "format-validate",
                OptionalType.create(ListType.create(SimpleType.STRING)),
                FORMAT_TYPE,
                SimpleType.STRING)));
    decls.add(
        CelFunctionDecl.newFunctionDeclaration(
            "format.named",
            CelOverloadDecl.newGlobalOverload(
                "format-named", OptionalType.create(FORMAT_TYPE), SimpleType.STRING)));
    for (String name : FORMATS.keySet()) {
      String function = "format." + name;
      decls.add(
          CelFunctionDecl.newFunctionDeclaration(
              function, CelOverloadDecl.newGlobalOverload(function, FORMAT_TYPE)));
    }
    checkerBuilder.addFunctionDeclarations(decls);
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    List<CelFunctionBinding> bindings = new ArrayList<>();
    bindings.add(
        CelFunctionBinding.from(
            "format-validate",
            NamedFormat.class,
            String.class,
            (format, s) -> {
              List<String> errors = format.validate(s);
              return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
            }));
    bindings.add(
        CelFunctionBinding.from(
            "format-named", String.class, name -> Optional.ofNullable(FORMATS.get(name))));
    FORMATS.forEach(
        (name, format) ->
            bindings.add(CelFunctionBinding.from("format." + name, List.of(), args -> format)));
    runtimeBuilder.addFunctionBindings(bindings);
  }
}
