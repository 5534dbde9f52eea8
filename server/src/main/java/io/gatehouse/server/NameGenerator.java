package io.gatehouse.server;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Upstream's {@code names.SimpleNameGenerator}: the base truncated to 58 characters, then five
 * (not cryptographically) random characters from {@code bcdfghjklmnpqrstvwxz2456789}. Thread-safe.
 */
final class NameGenerator {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int MAX_GENERATED_NAME_LENGTH = 63 - 5;

  private NameGenerator() {}

  static String generate(String base) {
    String b = base.length() > MAX_GENERATED_NAME_LENGTH
        ? base.substring(0, MAX_GENERATED_NAME_LENGTH) : base;
    StringBuilder sb = new StringBuilder(b);
    for (int i = 0; i < 5; i++) {
      sb.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
