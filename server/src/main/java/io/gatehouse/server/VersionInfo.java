package io.gatehouse.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /version} document ({@code version.Info}): the Kubernetes version Gatehouse serves the
 * API of, with {@code gitVersion} {@code v1.33.0-gatehouse.<project version>} so that clients
 * (and the kubectl dispatcher, which picks its kubectl by {@code major}/{@code minor}) treat the
 * server as 1.33 while people can tell it is Gatehouse. Go-specific fields are empty. Stateless.
 */
final class VersionInfo {

  static final String MAJOR = "1";
  static final String MINOR = "33";

  private VersionInfo() {}

  static Map<String, Object> document(String projectVersion) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("major", MAJOR);
    m.put("minor", MINOR);
    m.put("gitVersion", gitVersion(projectVersion));
    m.put("gitCommit", "");
    m.put("gitTreeState", "");
    m.put("buildDate", "");
    m.put("goVersion", "");
    m.put("compiler", "");
    m.put("platform", platform());
    return m;
  }

  /** Returns {@code v1.33.0-gatehouse.<version>} with the version reduced to semver characters. */
  static String gitVersion(String projectVersion) {
    String suffix = projectVersion.replaceAll("[^0-9A-Za-z.-]", "-");
    return "v" + MAJOR + "." + MINOR + ".0-gatehouse." + suffix;
  }

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    String goos = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "darwin"
        : os.startsWith("windows") ? "windows" : os;
    String goarch = switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
    return goos + "/" + goarch;
  }
}
