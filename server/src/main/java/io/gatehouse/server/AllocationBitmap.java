package io.gatehouse.server;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Upstream's bitmap allocator ({@code pkg/registry/core/service/allocator}) as stored in a {@code
 * RangeAllocation}: bit {@code i} set means offset {@code i} of the range is taken; {@code data}
 * is the big-endian bytes of that bit set read as a non-negative integer ({@code big.Int.Bytes()},
 * no leading zero bytes), base64 in JSON. Free offsets are found by {@code
 * randomScanStrategyWithOffset}: a random start in the upper subrange {@code [offset, max)},
 * scanning upwards with wrap-around, then the same in the lower subrange {@code [0, offset)}.
 * Stateless.
 */
final class AllocationBitmap {

  private AllocationBitmap() {}

  /** Decodes {@code RangeAllocation.data} (base64; empty or absent = nothing allocated). */
  static BitSet decode(String data) {
    if (data.isEmpty()) {
      return new BitSet();
    }
    byte[] bigEndian = Base64.getDecoder().decode(data);
    BigInteger n = new BigInteger(1, bigEndian);
    BitSet bits = new BitSet(n.bitLength());
    for (int i = n.getLowestSetBit(); i >= 0 && i < n.bitLength(); i++) {
      if (n.testBit(i)) {
        bits.set(i);
      }
    }
    return bits;
  }

  /** Encodes {@code allocated} as {@code RangeAllocation.data}. */
  static String encode(BitSet allocated) {
    if (allocated.isEmpty()) {
      return "";
    }
    byte[] littleEndian = allocated.toByteArray();
    byte[] bigEndian = new byte[littleEndian.length];
    for (int i = 0; i < littleEndian.length; i++) {
      bigEndian[littleEndian.length - 1 - i] = littleEndian[i];
    }
    int start = 0;
    while (start < bigEndian.length - 1 && bigEndian[start] == 0) {
      start++;
    }
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(bigEndian, start,
        bigEndian.length));
  }

  /**
   * Returns a free offset below {@code max}, preferring the upper subrange, or empty when every
   * offset is taken.
   */
  static OptionalInt next(BitSet allocated, int max, int offset, RandomGenerator random) {
    if (allocated.cardinality() >= max) {
      return OptionalInt.empty();
    }
    int upper = max - offset;
    if (upper > 0) {
      int start = random.nextInt(upper);
      for (int i = 0; i < upper; i++) {
        int at = offset + (start + i) % upper;
        if (!allocated.get(at)) {
          return OptionalInt.of(at);
        }
      }
    }
    if (offset > 0) {
      int start = random.nextInt(offset);
      for (int i = 0; i < offset; i++) {
        int at = (start + i) % offset;
        if (!allocated.get(at)) {
          return OptionalInt.of(at);
        }
      }
    }
    return OptionalInt.empty();
  }
}
