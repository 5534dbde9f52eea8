package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks on a Service's cluster IP fields that kube-apiserver 1.33 makes around allocation,
 * with its messages: {@code ValidateServiceClusterIPsRelatedFields} and the errors of {@code
 * initIPFamilyFields} (what the cluster's families cannot serve; this server's cluster is
 * single-stack IPv4) before allocating, and {@code validateUpgradeDowngradeClusterIPs} / {@code
 * …IPFamilies} of an update (where {@code may not change once set} comes from). Values are
 * printed as Go's {@code field.Error} prints the typed fields ({@code []string{"10.0.0.1"}},
 * {@code []core.IPFamily{"IPv4"}}, {@code "SingleStack"}). Stateless.
 */
final class ServiceIpChecks {

  static final String IPV4 = "IPv4";
  static final String IPV6 = "IPv6";
  private static final String SINGLE = "SingleStack";
  private static final String PREFER_DUAL = "PreferDualStack";
  private static final String REQUIRE_DUAL = "RequireDualStack";

  private ServiceIpChecks() {}

  /**
   * Defaults the policy and checks the IP family fields of {@code service} before allocation
   * ({@code initIPFamilyFields} up to its defaulting, which {@link ServiceIpFamilies} does).
   *
   * @param old the stored Service on update, else null
   * @return whether the fields need no further work (upstream's unchanged PreferDualStack update)
   * @throws StatusException 422 with every error of the failing step
   */
  static boolean initialize(Unstructured service, @Nullable Unstructured old) {
    ServiceSpec s = ServiceSpec.of(service);
    ServiceSpec o = old == null ? null : ServiceSpec.of(old);
    if (s.isExternalName()) {
      return true;
    }
    if (o != null && unchangedPreferDualStack(s, o)) {
      return true;
    }
    if (s.ipFamilyPolicy() == null) {
      s.ipFamilyPolicy(o != null && o.ipFamilyPolicy() != null ? o.ipFamilyPolicy()
          : ServiceSpec.NONE.equals(s.clusterIp()) && s.selectorless() ? REQUIRE_DUAL : SINGLE);
    }
    fail(service, relatedFields(s));
    List<ApiErrors.FieldError> errors = new ArrayList<>();
    String policy = s.ipFamilyPolicy();
    if (o != null) {
      if (SINGLE.equals(policy)) {
        if (s.clusterIps().equals(o.clusterIps()) && s.clusterIps().size() > 1) {
          s.clusterIps(s.clusterIps().subList(0, 1));
        }
        if (s.ipFamilies().equals(o.ipFamilies()) && s.ipFamilies().size() > 1) {
          s.ipFamilies(s.ipFamilies().subList(0, 1));
        }
      } else {
        if (!s.clusterIps().isEmpty() && s.clusterIps().size() < o.clusterIps().size()) {
          errors.add(policyError(policy, "must be 'SingleStack' to release the secondary cluster IP"));
        }
        if (!s.ipFamilies().isEmpty() && s.ipFamilies().size() < o.ipFamilies().size()) {
          errors.add(policyError(policy, "must be 'SingleStack' to release the secondary IP family"));
        }
      }
    }
    if (SINGLE.equals(policy)) {
      if (s.clusterIps().size() == 2) {
        errors.add(policyError(policy, "must be 'RequireDualStack' or 'PreferDualStack' when "
            + "multiple cluster IPs are specified"));
      }
      if (s.ipFamilies().size() == 2) {
        errors.add(policyError(policy, "must be 'RequireDualStack' or 'PreferDualStack' when "
            + "multiple IP families are specified"));
      }
    }
    List<String> ips = s.clusterIps();
    for (int i = 0; i < ips.size(); i++) {
      if (ips.get(i).equals(ServiceSpec.NONE)) {
        break;
      }
      String family = familyOf(ips.get(i));
      if (i >= s.ipFamilies().size() && !family.equals(IPV4)) {
        errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs[" + i + "]", strings(ips),
            family + " is not configured on this cluster"));
      }
    }
    fail(service, errors);
    if (ServiceSpec.NONE.equals(s.clusterIp()) && s.selectorless()) {
      return false;
    }
    if (REQUIRE_DUAL.equals(policy)) {
      errors.add(policyError(policy, "this cluster is not configured for dual-stack services"));
    }
    List<String> families = s.ipFamilies();
    for (int i = 0; i < families.size(); i++) {
      if (!families.get(i).equals(IPV4)) {
        errors.add(ApiErrors.FieldError.invalid("spec.ipFamilies[" + i + "]",
            GoQuote.quote(families.get(i)), "not configured on this cluster"));
      }
    }
    fail(service, errors);
    return false;
  }

  /** {@code ValidateServiceClusterIPsRelatedFields}. */
  static List<ApiErrors.FieldError> relatedFields(ServiceSpec s) {
    List<ApiErrors.FieldError> errors = new ArrayList<>();
    if (s.isExternalName()) {
      return errors;
    }
    List<String> ips = s.clusterIps();
    if (!s.clusterIp().isEmpty()) {
      if (ips.isEmpty()) {
        errors.add(ApiErrors.FieldError.required("spec.clusterIPs", ""));
      } else if (!ips.getFirst().equals(s.clusterIp())) {
        errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs", strings(ips),
            "first value must match `clusterIP`"));
      }
    } else if (!ips.isEmpty()) {
      errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs", strings(ips),
          "must be empty when `clusterIP` is not specified"));
    }
    Set<String> seen = new HashSet<>();
    List<String> families = s.ipFamilies();
    for (int i = 0; i < families.size(); i++) {
      String f = families.get(i);
      if (!f.equals(IPV4) && !f.equals(IPV6)) {
        errors.add(new ApiErrors.FieldError("FieldValueNotSupported", "spec.ipFamilies[" + i + "]",
            GoQuote.quote(f) + ": supported values: \"IPv4\", \"IPv6\""));
      }
      if (!seen.add(f)) {
        errors.add(new ApiErrors.FieldError("FieldValueDuplicate", "spec.ipFamilies[" + i + "]",
            GoQuote.quote(f)));
      }
    }
    String policy = s.ipFamilyPolicy();
    if (policy != null && !List.of(PREFER_DUAL, REQUIRE_DUAL, SINGLE).contains(policy)) {
      errors.add(new ApiErrors.FieldError("FieldValueNotSupported", "spec.ipFamilyPolicy",
          GoQuote.quote(policy)
              + ": supported values: \"PreferDualStack\", \"RequireDualStack\", \"SingleStack\""));
    }
    boolean invalidIps = false;
    for (int i = 0; i < ips.size(); i++) {
      String ip = ips.get(i);
      if (i == 0 && ip.equals(ServiceSpec.NONE)) {
        if (ips.size() > 1) {
          invalidIps = true;
          errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs", strings(ips),
              "'None' must be the first and only value"));
        }
        continue;
      }
      if (familyOf(ip).equals("unknown")) {
        invalidIps = true;
        errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs[" + i + "]", GoQuote.quote(ip),
            "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
      }
    }
    if (ips.size() > 2) {
      errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs", strings(ips),
          "may only hold up to 2 values"));
    }
    if (invalidIps) {
      return errors;
    }
    if (ips.size() > 1) {
      boolean v4 = ips.stream().anyMatch(ip -> familyOf(ip).equals(IPV4));
      boolean v6 = ips.stream().anyMatch(ip -> familyOf(ip).equals(IPV6));
      if (!(v4 && v6)) {
        errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs", strings(ips),
            "may specify no more than one IP for each IP family"));
      }
    }
    if (!s.headless() && !ips.isEmpty() && !families.isEmpty()) {
      for (int i = 0; i < ips.size() && i < families.size(); i++) {
        String ip = ips.get(i);
        if (families.get(i).equals(IPV4) && familyOf(ip).equals(IPV6)) {
          errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs[" + i + "]", GoQuote.quote(ip),
              "expected an IPv4 value as indicated by `ipFamilies[" + i + "]`"));
        }
        if (families.get(i).equals(IPV6) && !familyOf(ip).equals(IPV6)) {
          errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs[" + i + "]", GoQuote.quote(ip),
              "expected an IPv6 value as indicated by `ipFamilies[" + i + "]`"));
        }
      }
    }
    return errors;
  }

  /**
   * The update checks of {@code validateUpgradeDowngradeClusterIPs} and {@code
   * validateUpgradeDowngradeIPFamilies}.
   */
  static List<ApiErrors.FieldError> upgradeDowngrade(ServiceSpec s, ServiceSpec o) {
    List<ApiErrors.FieldError> errors = new ArrayList<>();
    if (s.isExternalName() || o.isExternalName()) {
      return errors;
    }
    List<String> ips = s.clusterIps();
    List<String> oldIps = o.clusterIps();
    if (!(o.headless() && s.headless())) {
      if (oldIps.size() == ips.size()) {
        for (int i = 0; i < oldIps.size(); i++) {
          if (!oldIps.get(i).equals(ips.get(i))) {
            errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs[" + i + "]", strings(ips),
                "may not change once set"));
          }
        }
      } else if (oldIps.size() > ips.size()) {
        if (ips.isEmpty()) {
          errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs[0]", strings(ips),
              "primary clusterIP can not be unset"));
        }
        if (!oldIps.isEmpty() && !ips.isEmpty() && !ips.getFirst().equals(oldIps.getFirst())) {
          errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs[0]", strings(ips),
              "may not change once set"));
        }
        if (ips.size() == 1 && !SINGLE.equals(s.ipFamilyPolicy())) {
          errors.add(policyError(s.ipFamilyPolicy(),
              "must be set to 'SingleStack' when releasing the secondary clusterIP"));
        }
      } else if (!oldIps.isEmpty() && !ips.getFirst().equals(oldIps.getFirst())) {
        errors.add(ApiErrors.FieldError.invalid("spec.clusterIPs[0]", strings(ips),
            "may not change once set"));
      }
    }
    if (o.headless() != s.headless() || s.headless()) {
      return errors;
    }
    List<String> families = s.ipFamilies();
    List<String> oldFamilies = o.ipFamilies();
    if (oldFamilies.size() == families.size()) {
      for (int i = 0; i < oldFamilies.size(); i++) {
        if (!oldFamilies.get(i).equals(families.get(i))) {
          errors.add(ApiErrors.FieldError.invalid("spec.ipFamilies[0]", families(families),
              "may not change once set"));
        }
      }
    } else if (oldFamilies.size() > families.size()) {
      if (ips.isEmpty()) {
        errors.add(ApiErrors.FieldError.invalid("spec.ipFamilies[0]", families(families),
            "primary ipFamily can not be unset"));
      }
      if (!families.isEmpty() && !families.getFirst().equals(oldFamilies.getFirst())) {
        errors.add(ApiErrors.FieldError.invalid("spec.ipFamilies[0]", strings(ips),
            "may not change once set"));
      }
      if (families.size() == 1 && !SINGLE.equals(s.ipFamilyPolicy())) {
        errors.add(policyError(s.ipFamilyPolicy(),
            "must be set to 'SingleStack' when releasing the secondary ipFamily"));
      }
    } else if (!oldFamilies.isEmpty() && !families.isEmpty()
        && !families.getFirst().equals(oldFamilies.getFirst())) {
      errors.add(ApiErrors.FieldError.invalid("spec.ipFamilies[0]", strings(ips),
          "may not change once set"));
    }
    return errors;
  }

  private static boolean unchangedPreferDualStack(ServiceSpec s, ServiceSpec o) {
    return s.ipFamilyPolicy() != null && s.type().equals(o.type()) && !s.isExternalName()
        && PREFER_DUAL.equals(s.ipFamilyPolicy())
        && (o.ipFamilyPolicy() == null || PREFER_DUAL.equals(o.ipFamilyPolicy()))
        && s.clusterIps().equals(o.clusterIps()) && s.ipFamilies().equals(o.ipFamilies());
  }

  private static ApiErrors.FieldError policyError(@Nullable String policy, String detail) {
    return ApiErrors.FieldError.invalid("spec.ipFamilyPolicy",
        GoQuote.quote(policy == null ? "null" : policy), detail);
  }

  /** Throws 422 Invalid for {@code errors}, if any. */
  static void fail(Unstructured service, List<ApiErrors.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ApiErrors.invalid("", "Service", service.name(), errors);
    }
  }

  /** {@code IPv4}, {@code IPv6} or {@code unknown} for what Go's {@code ParseIPSloppy} rejects. */
  static String familyOf(String ip) {
    if (Ipv4Prefix.parseAddress(ip).isPresent()) {
      return IPV4;
    }
    if (ip.indexOf(':') < 0 || !ip.chars().allMatch(c -> c == ':' || c == '.'
        || Character.digit(c, 16) >= 0)) {
      return "unknown";
    }
    try {
      return InetAddress.getByName(ip) instanceof java.net.Inet6Address ? IPV6 : IPV4;
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  /** Go's {@code %#v} of a {@code []string}. */
  static String strings(List<String> values) {
    if (values.isEmpty()) {
      return "[]string(nil)";
    }
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add(GoQuote.quote(v)));
    return "[]string{" + String.join(", ", quoted) + "}";
  }

  /** Go's {@code %#v} of a {@code []core.IPFamily}. */
  private static String families(List<String> values) {
    if (values.isEmpty()) {
      return "[]core.IPFamily(nil)";
    }
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add(GoQuote.quote(v)));
    return "[]core.IPFamily{" + String.join(", ", quoted) + "}";
  }
}
