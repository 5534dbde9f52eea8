package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's {@code defaultservicecidr} controller, run once at start-up: the ServiceCIDR
 * {@code kubernetes} with {@code spec.cidrs} = {@code --service-cluster-ip-range} is created when
 * missing, and its {@code Ready} condition set to {@code True} (message {@code Kubernetes default
 * Service CIDR is ready}) when it has none or an {@code Unknown} one. An existing one whose CIDRs
 * differ from the flag is kept and reported, as upstream does: allocation follows the stored
 * ServiceCIDRs, and changing the range means replacing that object. Stateless.
 */
final class DefaultServiceCidr {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultServiceCidr.class);
  static final String NAME = "kubernetes";

  private DefaultServiceCidr() {}

  static void ensure(Registry registry, StoredResource serviceCidrs, Ipv4Prefix range,
      Clock clock) {
    List<String> cidrs = List.of(range.toString());
    Unstructured current;
    if (registry.store().get(serviceCidrs.key("", NAME)).kv().isEmpty()) {
      LOG.atInfo().setMessage("Creating default ServiceCIDR").addKeyValue("cidrs", cidrs).log();
      Map<String, @Nullable Object> obj = new LinkedHashMap<>();
      obj.put("apiVersion", "networking.k8s.io/v1");
      obj.put("kind", "ServiceCIDR");
      obj.put("metadata", Map.of("name", NAME));
      obj.put("spec", Map.of("cidrs", cidrs));
      try {
        current = registry.create(serviceCidrs, Unstructured.copyOf(obj), false,
            WriteAdmission.NONE).object();
      } catch (StatusException e) {
        if (e.status().code() != 409) {
          throw e;
        }
        current = registry.get(serviceCidrs, "", NAME);
      }
    } else {
      current = registry.get(serviceCidrs, "", NAME);
    }
    if (current.metadata().containsKey("deletionTimestamp")) {
      return;
    }
    if (!cidrs.equals(current.get("spec", "cidrs").orElse(null))) {
      LOG.atWarn().setMessage("Inconsistent ServiceCIDR status: configure the flags to match the "
          + "current ServiceCIDR or delete it").addKeyValue("serviceCIDR", NAME)
          .addKeyValue("flags", cidrs).addKeyValue("stored", current.get("spec", "cidrs")).log();
      return;
    }
    String status = readyStatus(current);
    if (status == null || status.equals("Unknown")) {
      LOG.atInfo().setMessage("Setting default ServiceCIDR condition Ready to True").log();
      registry.update(serviceCidrs, "", NAME, "status", obj -> {
        Map<String, @Nullable Object> ready = new LinkedHashMap<>();
        ready.put("type", "Ready");
        ready.put("status", "True");
        ready.put("lastTransitionTime",
            Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        ready.put("reason", "");
        ready.put("message", "Kubernetes default Service CIDR is ready");
        Map<String, @Nullable Object> st = new LinkedHashMap<>();
        st.put("conditions", new java.util.ArrayList<>(List.of(ready)));
        obj.object().put("status", st);
        obj.metadataForWrite().remove("resourceVersion");
        return obj;
      }, false, WriteAdmission.NONE);
    } else if (status.equals("False")) {
      LOG.atWarn().setMessage("Default ServiceCIDR condition Ready is False, but controller "
          + "configuration matches. Please validate your cluster's network configuration.").log();
    }
  }

  private static @Nullable String readyStatus(Unstructured cidr) {
    if (cidr.get("status", "conditions").orElse(null) instanceof List<?> conditions) {
      for (Object c : conditions) {
        if (c instanceof Map<?, ?> m && "Ready".equals(m.get("type"))) {
          return m.get("status") instanceof String s ? s : "Unknown";
        }
      }
    }
    return null;
  }
}
