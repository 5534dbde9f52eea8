package io.gatehouse.admission.podsecurity;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a container's {@code securityContext} (or, for the fields both share, the pod's)
 * that Pod Security reads. A null field is unset; a profile or options object that is present but
 * empty reads as its zero value ({@code ""}), as a non-nil Go pointer to a zero struct.
 *
 * @param privileged {@code privileged}
 * @param allowPrivilegeEscalation {@code allowPrivilegeEscalation}
 * @param runAsNonRoot {@code runAsNonRoot}
 * @param runAsUser {@code runAsUser}
 * @param capabilities {@code capabilities}, or null when absent
 * @param procMount {@code procMount}
 * @param seccompType {@code seccompProfile.type}, {@code ""} when the profile has no type, null
 *     when there is no profile
 * @param appArmorType {@code appArmorProfile.type}, likewise
 * @param seLinux {@code seLinuxOptions}, or null
 * @param hostProcess {@code windowsOptions.hostProcess}
 */
record SecurityContextView(
    @Nullable Boolean privileged,
    @Nullable Boolean allowPrivilegeEscalation,
    @Nullable Boolean runAsNonRoot,
    @Nullable Long runAsUser,
    @Nullable Capabilities capabilities,
    @Nullable String procMount,
    @Nullable String seccompType,
    @Nullable String appArmorType,
    @Nullable SeLinux seLinux,
    @Nullable Boolean hostProcess) {

  /**
   * {@code capabilities}.
   *
   * @param add the added capabilities
   * @param drop the dropped capabilities
   */
  record Capabilities(List<String> add, List<String> drop) {}

  /**
   * {@code seLinuxOptions}; absent strings are empty.
   *
   * @param type the type
   * @param user the user
   * @param role the role
   */
  record SeLinux(String type, String user, String role) {}

  /** Reads a security context; null when {@code sc} is null. */
  static @Nullable SecurityContextView of(@Nullable Map<?, ?> sc) {
    if (sc == null) {
      return null;
    }
    Map<?, ?> caps = Values.map(sc, "capabilities");
    Map<?, ?> se = Values.map(sc, "seLinuxOptions");
    return new SecurityContextView(
        Values.bool(sc, "privileged"),
        Values.bool(sc, "allowPrivilegeEscalation"),
        Values.bool(sc, "runAsNonRoot"),
        Values.integer(sc, "runAsUser"),
        caps == null
            ? null
            : new Capabilities(Values.strings(caps, "add"), Values.strings(caps, "drop")),
        Values.string(sc, "procMount"),
        profileType(Values.map(sc, "seccompProfile")),
        profileType(Values.map(sc, "appArmorProfile")),
        se == null
            ? null
            : new SeLinux(
                Values.stringOrEmpty(se, "type"),
                Values.stringOrEmpty(se, "user"),
                Values.stringOrEmpty(se, "role")),
        Values.bool(Values.map(sc, "windowsOptions"), "hostProcess"));
  }

  private static @Nullable String profileType(@Nullable Map<?, ?> profile) {
    return profile == null ? null : Values.stringOrEmpty(profile, "type");
  }
}
