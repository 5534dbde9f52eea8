package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The defaulting part of the Service REST storage's {@code normalizeClusterIPs} and {@code
 * initIPFamilyFields} ({@code pkg/registry/core/service/storage/}) for a single-stack IPv4
 * cluster, which is what this server emulates: {@code clusterIPs} follows a lone {@code clusterIP};
 * {@code ipFamilyPolicy} is kept from the stored object on update, else RequireDualStack for a
 * headless service without selector and SingleStack otherwise; {@code ipFamilies} is inferred from
 * IPv4 cluster IPs, else IPv4 (plus IPv6 for a headless, selectorless, non-SingleStack service,
 * which upstream allows even on a single-stack cluster). ExternalName services are left alone.
 * {@link #HOOKS} applies this on every create and update where cluster IPs are not allocated;
 * with allocation, {@link ServiceAllocation} calls it after its checks. Stateless.
 */
final class ServiceIpFamilies {

  private static final String NONE = "None";

  /** The Service hooks of a registry without allocators: IP family defaulting only. */
  static final StoreHooks HOOKS = new StoreHooks() {
    @Override
    public Finish beginCreate(Unstructured obj, boolean dryRun) {
      initialize(obj, null);
      return Finish.NOTHING;
    }

    @Override
    public Finish beginUpdate(Unstructured obj, Unstructured old, boolean dryRun) {
      initialize(obj, old);
      return Finish.NOTHING;
    }
  };

  private ServiceIpFamilies() {}

  /** Prepares {@code service} for storage; {@code old} is the stored object on update. */
  static void initialize(Unstructured service, @Nullable Unstructured old) {
    if (!(service.object().get("spec") instanceof Map<?, ?> m)) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> spec = (Map<String, @Nullable Object>) m;
    Map<String, @Nullable Object> oldSpec = old != null && old.object().get("spec") instanceof Map<?, ?> o
        ? cast(o) : null;
    normalizeClusterIps(spec, oldSpec);
    if ("ExternalName".equals(spec.get("type"))) {
      return;
    }
    boolean headlessSelectorless = NONE.equals(spec.get("clusterIP"))
        && !(spec.get("selector") instanceof Map<?, ?> sel && !sel.isEmpty());
    if (spec.get("ipFamilyPolicy") == null) {
      Object oldPolicy = oldSpec == null ? null : oldSpec.get("ipFamilyPolicy");
      spec.put("ipFamilyPolicy", oldPolicy != null ? oldPolicy
          : headlessSelectorless ? "RequireDualStack" : "SingleStack");
    }
    List<Object> families = new ArrayList<>();
    if (spec.get("ipFamilies") instanceof List<?> given) {
      families.addAll(given);
    } else if (spec.get("ipFamilies") != null) {
      return;
    }
    if (spec.get("clusterIPs") instanceof List<?> ips) {
      for (int i = families.size(); i < ips.size(); i++) {
        if (!(ips.get(i) instanceof String ip) || ip.equals(NONE) || !isIpv4(ip)) {
          break;
        }
        families.add("IPv4");
      }
    }
    if (families.isEmpty()) {
      families.add("IPv4");
    }
    if (headlessSelectorless && families.size() < 2
        && !"SingleStack".equals(spec.get("ipFamilyPolicy"))) {
      families.add("IPv4".equals(families.getFirst()) ? "IPv6" : "IPv4");
    }
    spec.put("ipFamilies", families);
  }

  private static void normalizeClusterIps(Map<String, @Nullable Object> spec,
      @Nullable Map<String, @Nullable Object> oldSpec) {
    Object clusterIp = spec.get("clusterIP");
    boolean noIps = !(spec.get("clusterIPs") instanceof List<?> l) || l.isEmpty();
    if (oldSpec == null) {
      if (clusterIp instanceof String ip && !ip.isEmpty() && noIps) {
        spec.put("clusterIPs", new ArrayList<>(List.of(ip)));
      }
      return;
    }
    if (noIps && oldSpec.get("clusterIPs") instanceof List<?> oldIps && !oldIps.isEmpty()
        && java.util.Objects.equals(oldSpec.get("clusterIP"), clusterIp)) {
      spec.put("clusterIPs", new ArrayList<>(oldIps));
    }
  }

  private static boolean isIpv4(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> cast(Map<?, ?> m) {
    return (Map<String, @Nullable Object>) m;
  }

}
