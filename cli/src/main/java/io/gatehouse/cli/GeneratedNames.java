package io.gatehouse.cli;

/**
 * Names for objects created with {@code metadata.generateName}, shaped as the API server's {@code
 * names.SimpleNameGenerator} makes them: the prefix (cut to 58 characters) and five characters
 * from {@code bcdfghjklmnpqrstvwxz2456789}. The API server picks them at random; here they derive
 * from the prefix, so that reports are reproducible.
 *
 * <p>Stateless; thread-safe.
 */
final class GeneratedNames {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int RANDOM_LENGTH = 5;
  private static final int MAX_PREFIX_LENGTH = 63 - RANDOM_LENGTH;

  private GeneratedNames() {}

  /** Returns the name the object with {@code generateName} gets. */
  static String generate(String generateName) {
    String base = generateName.length() > MAX_PREFIX_LENGTH
        ? generateName.substring(0, MAX_PREFIX_LENGTH)
        : generateName;
    StringBuilder name = new StringBuilder(base);
    long seed = Integer.toUnsignedLong(generateName.hashCode());
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      name.append(ALPHABET.charAt((int) (seed % ALPHABET.length())));
      seed = seed / ALPHABET.length() + 7L * (i + 1);
    }
    return name.toString();
  }
}
