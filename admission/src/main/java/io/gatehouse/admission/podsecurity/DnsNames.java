package io.gatehouse.admission.podsecurity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * apimachinery's {@code IsDNS1123Label} and {@code IsDNS1123Subdomain} with their error texts (as
 * used by {@code ValidateNamespaceName} and {@code NameIsDNSSubdomain}).
 *
 * <p>Stateless; thread-safe. The patterns have no nested quantifiers over overlapping input, so
 * matching is linear.
 */
final class DnsNames {

  private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
          + "must start and end with an alphanumeric character";
  private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
  private static final String SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
          + "'.', and must start and end with an alphanumeric character";
  private static final Pattern LABEL = Pattern.compile(LABEL_FMT);
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);

  private DnsNames() {}

  /** Returns the {@code IsDNS1123Label} errors of {@code value}, empty when valid. */
  static List<String> label(String value) {
    List<String> errs = new ArrayList<>(0);
    if (value.getBytes(StandardCharsets.UTF_8).length > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!LABEL.matcher(value).matches()) {
      errs.add(
          SUBDOMAIN.matcher(value).matches()
              ? "must not contain dots"
              : regexError(LABEL_MSG, LABEL_FMT, "my-name", "123-abc"));
    }
    return errs;
  }

  /** Returns the {@code IsDNS1123Subdomain} errors of {@code value}, empty when valid. */
  static List<String> subdomain(String value) {
    List<String> errs = new ArrayList<>(0);
    if (value.getBytes(StandardCharsets.UTF_8).length > 253) {
      errs.add("must be no more than 253 characters");
    }
    if (!SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /** Upstream's {@code RegexError}, including the doubled space after each example's comma. */
  private static String regexError(String msg, String fmt, String... examples) {
    StringBuilder out = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        out.append(" or ");
      }
      out.append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(fmt).append("')").toString();
  }
}
