package io.gatehouse.admission.podsecurity;

/** The wire strings of Pod Security: namespace labels and audit annotation keys. */
public final class PodSecurityKeys {

  /** The prefix of every label and audit annotation. */
  public static final String PREFIX = "pod-security.kubernetes.io/";

  /** Namespace label: the enforce level. */
  public static final String ENFORCE_LEVEL = PREFIX + "enforce";

  /** Namespace label: the enforce version. */
  public static final String ENFORCE_VERSION = PREFIX + "enforce-version";

  /** Namespace label: the audit level. */
  public static final String AUDIT_LEVEL = PREFIX + "audit";

  /** Namespace label: the audit version. */
  public static final String AUDIT_VERSION = PREFIX + "audit-version";

  /** Namespace label: the warn level. */
  public static final String WARN_LEVEL = PREFIX + "warn";

  /** Namespace label: the warn version. */
  public static final String WARN_VERSION = PREFIX + "warn-version";

  /** Audit annotation: why the request was exempt ({@code user}, {@code namespace}, …). */
  public static final String EXEMPT_ANNOTATION = PREFIX + "exempt";

  /** Audit annotation: the violations of the audit policy. */
  public static final String AUDIT_VIOLATIONS_ANNOTATION = PREFIX + "audit-violations";

  /** Audit annotation: the enforce policy a pod was checked against. */
  public static final String ENFORCE_POLICY_ANNOTATION = PREFIX + "enforce-policy";

  /** Audit annotation: an error met while admitting. */
  public static final String ERROR_ANNOTATION = PREFIX + "error";

  /** The admission plugin name. */
  public static final String PLUGIN = "PodSecurity";

  private PodSecurityKeys() {}
}
