package io.gatehouse.admission.serviceaccount;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Upstream's {@code names.SimpleNameGenerator}: the base (at most 58 characters) followed by five
 * random characters from {@code bcdfghjklmnpqrstvwxz2456789}. Thread-safe.
 */
final class VolumeNames {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int RANDOM_LENGTH = 5;
  private static final int MAX_BASE_LENGTH = 63 - RANDOM_LENGTH;

  private VolumeNames() {}

  static String generate(String base) {
    StringBuilder sb = new StringBuilder(base.length() > MAX_BASE_LENGTH
        ? base.substring(0, MAX_BASE_LENGTH) : base);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      sb.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
