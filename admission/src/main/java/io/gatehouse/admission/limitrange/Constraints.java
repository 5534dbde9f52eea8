package io.gatehouse.admission.limitrange;

import io.gatehouse.api.resource.Quantity;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code minConstraint}, {@code maxConstraint}, {@code maxRequestConstraint} and {@code
 * limitRequestRatioConstraint}, with their texts. Values are compared in thousandths (rounded up)
 * when all three fit, else as integers (rounded up), as {@code requestLimitEnforcedValues} does; a
 * missing request or limit counts as zero. Stateless.
 */
final class Constraints {

  private Constraints() {}

  /** The observed request, limit and enforced value at a common precision. */
  private record Observed(long request, long limit, long enforced) {
    static Observed of(Quantity request, Quantity limit, Quantity enforced) {
      long r = ResourceList.value(request);
      long l = ResourceList.value(limit);
      long e = ResourceList.value(enforced);
      if (ResourceList.fitsMilli(r) && ResourceList.fitsMilli(l) && ResourceList.fitsMilli(e)) {
        return new Observed(ResourceList.milliValue(request), ResourceList.milliValue(limit),
            ResourceList.milliValue(enforced));
      }
      return new Observed(r, l, e);
    }
  }

  private static final Quantity ZERO = Quantity.parse("0");

  static Optional<String> min(String type, String resource, Quantity enforced,
      ResourceList requests, ResourceList limits) {
    Quantity req = requests.get(resource);
    Quantity lim = limits.get(resource);
    Observed o = Observed.of(orZero(req), orZero(lim), enforced);
    if (req == null) {
      return usage("minimum", type, resource, enforced, ".  No request is specified");
    }
    if (o.request() < o.enforced()) {
      return usage("minimum", type, resource, enforced, ", but request is " + req);
    }
    if (lim != null && o.limit() < o.enforced()) {
      return usage("minimum", type, resource, enforced, ", but limit is " + lim);
    }
    return Optional.empty();
  }

  static Optional<String> maxRequest(String type, String resource, Quantity enforced,
      ResourceList requests) {
    Quantity req = requests.get(resource);
    Observed o = Observed.of(orZero(req), ZERO, enforced);
    if (req == null) {
      return usage("maximum", type, resource, enforced, ".  No request is specified");
    }
    if (o.request() > o.enforced()) {
      return usage("maximum", type, resource, enforced, ", but request is " + req);
    }
    return Optional.empty();
  }

  static Optional<String> max(String type, String resource, Quantity enforced,
      ResourceList requests, ResourceList limits) {
    Quantity req = requests.get(resource);
    Quantity lim = limits.get(resource);
    Observed o = Observed.of(orZero(req), orZero(lim), enforced);
    if (lim == null) {
      return usage("maximum", type, resource, enforced, ".  No limit is specified");
    }
    if (o.limit() > o.enforced()) {
      return usage("maximum", type, resource, enforced, ", but limit is " + lim);
    }
    if (req != null && o.request() > o.enforced()) {
      return usage("maximum", type, resource, enforced, ", but request is " + req);
    }
    return Optional.empty();
  }

  static Optional<String> ratio(String type, String resource, Quantity enforced,
      ResourceList requests, ResourceList limits) {
    Quantity req = requests.get(resource);
    Quantity lim = limits.get(resource);
    Observed o = Observed.of(orZero(req), orZero(lim), enforced);
    if (req == null || o.request() == 0) {
      return Optional.of(resource + " max limit to request ratio per " + type + " is " + enforced
          + ", but no request is specified or request is 0");
    }
    if (lim == null || o.limit() == 0) {
      return Optional.of(resource + " max limit to request ratio per " + type + " is " + enforced
          + ", but no limit is specified or limit is 0");
    }
    double observed = (double) o.limit() / (double) o.request();
    double display = observed;
    long enforcedValue = ResourceList.value(enforced);
    double maxRatio = enforcedValue;
    if (ResourceList.fitsMilli(enforcedValue)) {
      observed = observed * 1000;
      maxRatio = ResourceList.milliValue(enforced);
    }
    if (observed > maxRatio) {
      return Optional.of(resource + " max limit to request ratio per " + type + " is " + enforced
          + ", but provided ratio is " + String.format(Locale.ROOT, "%f", display));
    }
    return Optional.empty();
  }

  /** Upstream's "{bound} {resource} usage per {type} is {enforced}" followed by {@code tail}. */
  private static Optional<String> usage(String bound, String type, String resource,
      Quantity enforced, String tail) {
    return Optional.of(bound + " " + resource + " usage per " + type + " is " + enforced + tail);
  }

  private static Quantity orZero(@Nullable Quantity q) {
    return q == null ? ZERO : q;
  }
}
