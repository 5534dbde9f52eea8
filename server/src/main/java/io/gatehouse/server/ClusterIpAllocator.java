package io.gatehouse.server;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver 1.33's cluster IP allocator ({@code MultiCIDRServiceAllocator}, GA and on by
 * default in 1.33: {@code ipallocator.MetaAllocator} over {@code ipallocator.Allocator}): the
 * ranges are the IPv4 CIDRs of the stored {@code networking.k8s.io/v1} ServiceCIDRs (one named
 * {@code kubernetes} is created from {@code --service-cluster-ip-range}), and an IP is taken
 * when an IPAddress object of that name exists. Reserving creates the IPAddress (with the
 * allocator's labels and the Service as {@code spec.parentRef}) through the registry, so the store's
 * create-if-absent decides between two concurrent requests; releasing deletes it.
 *
 * <p>Dry runs behave as upstream's {@code DryRun()} allocator: a requested IP is only checked
 * against the range of the first ServiceCIDR (not against existing IPAddresses) and a dynamic one is
 * that range's network address. Upstream's dual write of the legacy bitmap ({@code
 * /ranges/serviceips}, on by default in 1.33 for downgrades) is not kept. Thread-safe.
 */
final class ClusterIpAllocator {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIpAllocator.class);
  static final String MANAGED_BY = "ipallocator.k8s.io";
  static final String LABEL_FAMILY = "ipaddress.kubernetes.io/ip-family";
  static final String LABEL_MANAGED_BY = "ipaddress.kubernetes.io/managed-by";
  static final GroupVersionResource IP_ADDRESSES =
      new GroupVersionResource("networking.k8s.io", "v1", "ipaddresses");
  static final GroupVersionResource SERVICE_CIDRS =
      new GroupVersionResource("networking.k8s.io", "v1", "servicecidrs");

  private final Registry registry;
  private final StoredResource ipAddresses;
  private final StoredResource serviceCidrs;
  private final RandomGenerator random;

  ClusterIpAllocator(Registry registry, ResourceTable table, RandomGenerator random) {
    this.registry = registry;
    this.ipAddresses = table.resource(IP_ADDRESSES).orElseThrow();
    this.serviceCidrs = table.resource(SERVICE_CIDRS).orElseThrow();
    this.random = random;
  }

  /** The Service an IP is allocated for. */
  record Owner(String namespace, String name) {}

  /** One allocator: an IPv4 prefix of one or more ServiceCIDRs, ready if any of them is. */
  record Range(Ipv4Prefix prefix, boolean ready) {}

  /**
   * The IPv4 prefixes of the stored ServiceCIDRs in name order. A ServiceCIDR is ready unless it
   * is being deleted or its {@code Ready} condition is not {@code True} (no condition counts as
   * ready, as upstream's {@code isReady}).
   */
  List<Range> ranges() {
    Map<Ipv4Prefix, Boolean> byPrefix = new LinkedHashMap<>();
    for (Unstructured cidr : list(serviceCidrs)) {
      boolean ready = !cidr.metadata().containsKey("deletionTimestamp") && readyCondition(cidr);
      if (cidr.get("spec", "cidrs").orElse(null) instanceof List<?> cidrs) {
        for (Object c : cidrs) {
          if (c instanceof String s) {
            Ipv4Prefix.parse(s).ifPresent(p -> byPrefix.merge(p, ready, Boolean::logicalOr));
          }
        }
      }
    }
    List<Range> out = new ArrayList<>();
    byPrefix.forEach((p, ready) -> out.add(new Range(p, ready)));
    return out;
  }

  private static boolean readyCondition(Unstructured cidr) {
    if (cidr.get("status", "conditions").orElse(null) instanceof List<?> conditions) {
      for (Object c : conditions) {
        if (c instanceof Map<?, ?> m && "Ready".equals(m.get("type"))) {
          return "True".equals(m.get("status"));
        }
      }
    }
    return true;
  }

  /** Reserves the requested {@code ip} for {@code owner}. */
  Reservation<Long> allocate(long ip, Owner owner, boolean dryRun) {
    List<Range> ranges = ranges();
    if (dryRun) {
      if (ranges.isEmpty() || !ranges.getFirst().ready()) {
        return new Reservation.Refused<>(Reservation.NOT_READY);
      }
      Ipv4Prefix p = ranges.getFirst().prefix();
      return p.containsHost(ip) ? new Reservation.Reserved<>(ip)
          : new Reservation.Refused<>(Reservation.ipNotInRange(Ipv4Prefix.format(ip), p.toString()));
    }
    boolean inRange = ranges.stream().anyMatch(r -> r.ready() && r.prefix().containsHost(ip));
    if (!inRange) {
      return new Reservation.Refused<>(Reservation.MISMATCHED_NETWORK);
    }
    return create(ip, owner) ? new Reservation.Reserved<>(ip)
        : new Reservation.Refused<>(Reservation.IP_ALLOCATED);
  }

  /** Reserves a free IP for {@code owner} from the first ready range that has one. */
  Reservation<Long> allocateNext(Owner owner, boolean dryRun) {
    List<Range> ranges = ranges();
    if (dryRun) {
      if (ranges.isEmpty() || !ranges.getFirst().ready()) {
        return new Reservation.Refused<>(Reservation.NOT_READY);
      }
      return new Reservation.Reserved<>(ranges.getFirst().prefix().network());
    }
    Set<String> taken = new HashSet<>();
    for (Unstructured a : list(ipAddresses)) {
      taken.add(a.name());
    }
    for (Range r : ranges) {
      if (!r.ready()) {
        continue;
      }
      Ipv4Prefix p = r.prefix();
      int offset = p.rangeOffset();
      long upper = p.hosts() - offset;
      if (upper <= 0) {
        continue;
      }
      Long ip = scan(p.first() + offset, upper, random.nextLong(upper), taken, owner);
      if (ip == null && offset > 0) {
        ip = scan(p.first(), offset, random.nextLong(offset), taken, owner);
      }
      if (ip != null) {
        return new Reservation.Reserved<>(ip);
      }
    }
    return new Reservation.Refused<>(Reservation.FULL);
  }

  private @Nullable Long scan(long from, long count, long start, Set<String> taken, Owner owner) {
    for (long i = 0; i < count; i++) {
      long ip = from + (start + i) % count;
      if (taken.contains(Ipv4Prefix.format(ip))) {
        continue;
      }
      if (create(ip, owner)) {
        return ip;
      }
    }
    return null;
  }

  /** Frees {@code ip} if it lies in a known range (upstream's {@code Release}); never fails. */
  void release(long ip) {
    if (ranges().stream().noneMatch(r -> r.prefix().containsHost(ip))) {
      LOG.atDebug().setMessage("Not releasing cluster IP outside every ServiceCIDR")
          .addKeyValue("ip", Ipv4Prefix.format(ip)).log();
      return;
    }
    try {
      registry.delete(ipAddresses, "", Ipv4Prefix.format(ip), DeleteOptions.DEFAULT,
          WriteAdmission.NONE);
    } catch (StatusException e) {
      LOG.atInfo().setMessage("error releasing ip").addKeyValue("ip", Ipv4Prefix.format(ip))
          .addKeyValue("error", e.getMessage()).log();
    }
  }

  /** Creates the IPAddress of {@code ip}; false when it already exists. */
  boolean create(long ip, Owner owner) {
    try {
      registry.create(ipAddresses, Unstructured.copyOf(ipAddress(ip, owner)), false,
          WriteAdmission.NONE);
      return true;
    } catch (StatusException e) {
      if (e.status().code() == 409) {
        return false;
      }
      throw e;
    }
  }

  /** The IPAddress object upstream's allocator creates for {@code ip}. */
  static Map<String, @Nullable Object> ipAddress(long ip, Owner owner) {
    Map<String, @Nullable Object> obj = new LinkedHashMap<>();
    obj.put("apiVersion", "networking.k8s.io/v1");
    obj.put("kind", "IPAddress");
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    meta.put("name", Ipv4Prefix.format(ip));
    Map<String, @Nullable Object> labels = new LinkedHashMap<>();
    labels.put(LABEL_FAMILY, "IPv4");
    labels.put(LABEL_MANAGED_BY, MANAGED_BY);
    meta.put("labels", labels);
    obj.put("metadata", meta);
    Map<String, @Nullable Object> parent = new LinkedHashMap<>();
    parent.put("resource", "services");
    parent.put("namespace", owner.namespace());
    parent.put("name", owner.name());
    obj.put("spec", new LinkedHashMap<String, @Nullable Object>(Map.of("parentRef", parent)));
    return obj;
  }

  /** Every stored object of {@code r} (the current revision). */
  List<Unstructured> list(StoredResource r) {
    List<Unstructured> out = new ArrayList<>();
    if (registry.store().list(r.prefix(), ListOptions.latest()) instanceof ListResult.Page page) {
      for (KeyValue kv : page.items()) {
        out.add(ObjectBytes.read(kv));
      }
    }
    return out;
  }

  StoredResource ipAddresses() {
    return ipAddresses;
  }

  StoredResource serviceCidrs() {
    return serviceCidrs;
  }
}
