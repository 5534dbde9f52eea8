package io.gatehouse.cel.cost;

/**
 * Result-size rules of Kubernetes' string estimates ({@code library/cost.go}, {@code replace}).
 *
 * <p>Stateless; thread-safe.
 */
final class StringResultSizes {

  private StringResultSizes() {}

  /** The size range of {@code s.replace(old, new)} given the three size ranges. */
  static Range replace(Range s, Range toReplace, Range replaceWith) {
    long countMax;
    long retainedMax = 0;
    if (toReplace.min() == 0) {
      // Replacing "" surrounds every character with the replacement.
      countMax = s.max() != Uint64.MAX ? s.max() + 1 : s.max();
      retainedMax = s.max();
    } else if (Long.compareUnsigned(replaceWith.max(), toReplace.min()) <= 0) {
      countMax = 0;
      retainedMax = s.max();
    } else {
      countMax =
          Uint64.fromDouble(Math.ceil(Uint64.toDouble(s.max()) / Uint64.toDouble(toReplace.min())));
    }
    long countMin;
    long retainedMin = 0;
    if (toReplace.max() == 0) {
      countMin = s.min() != Uint64.MAX ? s.min() + 1 : s.min();
      retainedMin = s.min();
    } else if (Long.compareUnsigned(toReplace.max(), replaceWith.min()) <= 0) {
      countMin = 0;
      retainedMin = s.min();
    } else {
      countMin =
          Uint64.fromDouble(Math.ceil(Uint64.toDouble(s.min()) / Uint64.toDouble(toReplace.max())));
    }
    return new Range(countMin, countMax).multiply(replaceWith).add(new Range(retainedMin, retainedMax));
  }
}
