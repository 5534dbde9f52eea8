package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.StatusException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code DeleteOptions} from query parameters as kube-apiserver 1.33's parameter codec does
 * ({@code Convert_url_Values_To_v1_DeleteOptions}) when a delete has no body, into the shape a
 * decoded JSON body has, so that {@link DeleteOptions#of} reads both alike. Each parameter's
 * first value counts, except {@code dryRun} (all values):
 *
 * <ul>
 *   <li>{@code gracePeriodSeconds}: Go's {@code strconv.ParseInt(v, 10, 64)}; a value it refuses
 *       is a 400 with Go's error text, e.g. {@code strconv.ParseInt: parsing "abc": invalid
 *       syntax};
 *   <li>{@code orphanDependents}: {@code false} for {@code 0} or any case of {@code false}, else
 *       {@code true} (also for an empty value);
 *   <li>{@code propagationPolicy}: the value as is, also when empty (which validation refuses);
 *   <li>{@code uid}, {@code resourceVersion}: the {@code preconditions}, when not empty.
 * </ul>
 *
 * <p>{@code ignoreStoreReadErrorWithClusterBreakingPotential} cannot fail to parse and is dropped,
 * as upstream drops it while the {@code AllowUnsafeMalformedObjectDeletion} gate is off. Stateless.
 */
final class DeleteOptionsQuery {

  private DeleteOptionsQuery() {}

  /**
   * Decodes the delete options in {@code query}.
   *
   * @throws StatusException 400 with Go's {@code strconv.ParseInt} error for a {@code
   *     gracePeriodSeconds} that is not a decimal int64
   */
  static Map<String, @Nullable Object> decode(Map<String, List<String>> query) {
    Map<String, @Nullable Object> options = new LinkedHashMap<>();
    String grace = first(query, "gracePeriodSeconds");
    if (grace != null) {
      options.put("gracePeriodSeconds", parseInt64(grace));
    }
    String orphan = first(query, "orphanDependents");
    if (orphan != null) {
      options.put("orphanDependents", !orphan.equals("0") && !orphan.equalsIgnoreCase("false"));
    }
    String policy = first(query, "propagationPolicy");
    if (policy != null) {
      options.put("propagationPolicy", policy);
    }
    List<String> dryRun = query.getOrDefault("dryRun", List.of());
    if (!dryRun.isEmpty()) {
      options.put("dryRun", dryRun);
    }
    Map<String, Object> preconditions = new LinkedHashMap<>();
    String uid = first(query, "uid");
    if (uid != null && !uid.isEmpty()) {
      preconditions.put("uid", uid);
    }
    String rv = first(query, "resourceVersion");
    if (rv != null && !rv.isEmpty()) {
      preconditions.put("resourceVersion", rv);
    }
    if (!preconditions.isEmpty()) {
      options.put("preconditions", preconditions);
    }
    return options;
  }

  private static @Nullable String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Go's {@code strconv.ParseInt(s, 10, 64)}: one optional sign, then ASCII digits; the first
   * overflow is a range error even before a later non-digit.
   */
  static long parseInt64(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    boolean negative = start == 1 && s.charAt(0) == '-';
    if (start == s.length()) {
      throw numError(s, "invalid syntax");
    }
    long cutoff = Long.divideUnsigned(-1L, 10) + 1;
    long n = 0;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw numError(s, "invalid syntax");
      }
      if (Long.compareUnsigned(n, cutoff) >= 0) {
        throw numError(s, "value out of range");
      }
      long next = n * 10 + (c - '0');
      if (Long.compareUnsigned(next, n * 10) < 0) {
        throw numError(s, "value out of range");
      }
      n = next;
    }
    if (!negative && Long.compareUnsigned(n, Long.MIN_VALUE) >= 0
        || negative && Long.compareUnsigned(n, Long.MIN_VALUE) > 0) {
      throw numError(s, "value out of range");
    }
    return negative ? -n : n;
  }

  private static StatusException numError(String s, String reason) {
    return StatusException.badRequest("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": "
        + reason);
  }
}
