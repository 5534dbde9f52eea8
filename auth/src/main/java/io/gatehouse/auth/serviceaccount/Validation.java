package io.gatehouse.auth.serviceaccount;

import java.util.List;

/** What a {@link TokenValidator} concluded about a verified token. */
sealed interface Validation {

  /** The token is valid for {@code info}; {@code warnings} go to the response. */
  record Valid(ServiceAccountInfo info, List<String> warnings) implements Validation {
    public Valid {
      warnings = List.copyOf(warnings);
    }
  }

  /** The token is rejected with upstream's {@code error} text. */
  record Invalid(String error) implements Validation {}
}
