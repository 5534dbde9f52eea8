package io.gatehouse.api.defaults;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag kubelet and the API server read from a container image reference, as Kubernetes'
 * {@code parsers.ParseImageName} does with {@code github.com/distribution/reference}'s {@code
 * ParseNormalizedNamed}: a reference with neither tag nor digest has tag {@code latest}; one that
 * does not parse has no tag at all. Stateless.
 */
final class ImageReference {

  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT
      + ")*|\\[(?:[a-fA-F0-9:]+)\\])";
  private static final String NAME = "(?:" + HOST + "(?::[0-9]+)?/)?" + PATH_COMPONENT
      + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
  private static final Map<String, Integer> DIGEST_HEX_LENGTHS =
      Map.of("sha256", 64, "sha384", 96, "sha512", 128);
  private static final int NAME_TOTAL_LENGTH_MAX = 255;

  private ImageReference() {}

  /** The tag of {@code image}: its own, {@code latest} when it has neither tag nor digest, or "". */
  static String tag(String image) {
    if (IDENTIFIER.matcher(image).matches()) {
      return "";
    }
    int slash = image.indexOf('/');
    String domain = "docker.io";
    String remainder = image;
    if (slash >= 0) {
      String first = image.substring(0, slash);
      boolean dockerHub = !first.contains(".") && !first.contains(":")
          && !first.equals("localhost") && first.toLowerCase(Locale.ROOT).equals(first);
      if (!dockerHub) {
        domain = first;
        remainder = image.substring(slash + 1);
      }
    }
    int colon = remainder.indexOf(':');
    String remoteName = colon >= 0 ? remainder.substring(0, colon) : remainder;
    if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
      return "";
    }
    if (domain.equals("docker.io") && !remainder.contains("/")) {
      remainder = "library/" + remainder;
    }
    Matcher m = REFERENCE.matcher(domain + "/" + remainder);
    if (!m.matches() || m.group(1).length() > NAME_TOTAL_LENGTH_MAX) {
      return "";
    }
    String digest = m.group(3);
    if (digest != null && !validDigest(digest)) {
      return "";
    }
    String tag = m.group(2);
    if (tag != null) {
      return tag;
    }
    return digest == null ? "latest" : "";
  }

  /** go-digest's {@code Parse}: a known algorithm and lowercase hex of its length. */
  private static boolean validDigest(String digest) {
    int colon = digest.indexOf(':');
    Integer length = DIGEST_HEX_LENGTHS.get(digest.substring(0, colon));
    String hex = digest.substring(colon + 1);
    return length != null && hex.length() == length && hex.matches("[a-f0-9]+");
  }

  /** The pull policy a container or image volume gets when it names none. */
  static String defaultPullPolicy(String image) {
    return tag(image).equals("latest") ? "Always" : "IfNotPresent";
  }
}
