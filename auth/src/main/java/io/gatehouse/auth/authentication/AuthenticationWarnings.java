package io.gatehouse.auth.authentication;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the warnings authenticators add for the response (upstream's {@code
 * warning.AddWarning} on the request context, e.g. for auto-generated legacy tokens). The caller
 * of an {@link Authenticator} wraps the call in {@link #record(Supplier)}; authenticators call
 * {@link #add(String)}, which does nothing when nobody records. Recording is bound to the calling
 * thread (authentication runs synchronously on the request's thread). Thread-safe.
 */
public final class AuthenticationWarnings {

  private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

  private AuthenticationWarnings() {}

  /**
   * What an action returned and the warnings it added.
   *
   * @param <T> the action's result type
   * @param value the result
   * @param warnings the warnings, in order, duplicates removed
   */
  public record Recorded<T>(T value, List<String> warnings) {
    /** Copies the warnings. */
    public Recorded {
      warnings = List.copyOf(warnings);
    }
  }

  /** Runs {@code action} and returns its result with the warnings added meanwhile. */
  public static <T> Recorded<T> record(Supplier<T> action) {
    List<String> previous = CURRENT.get();
    List<String> warnings = new ArrayList<>();
    CURRENT.set(warnings);
    try {
      T value = action.get();
      return new Recorded<>(value,
          warnings.isEmpty() ? List.of() : warnings.stream().distinct().toList());
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Adds {@code warning} to the current recording, if any. */
  public static void add(String warning) {
    List<String> warnings = CURRENT.get();
    if (warnings != null) {
      warnings.add(warning);
    }
  }
}
