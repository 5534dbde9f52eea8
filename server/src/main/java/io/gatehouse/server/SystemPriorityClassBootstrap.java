package io.gatehouse.server;

import io.gatehouse.admission.priority.SystemPriorityClasses;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's {@code scheduling/bootstrap-system-priority-classes} post-start hook ({@code
 * pkg/registry/scheduling/rest/storage_scheduling.go}), run at every start: {@code
 * system-node-critical} and {@code system-cluster-critical} are created when missing (defaulted as
 * any create, so with {@code preemptionPolicy: PreemptLowerPriority}, and with the {@code Update}
 * managed-fields entry of the manager {@code kube-apiserver}, as upstream's loopback client
 * records it); a stored one is left as it is, whatever its values. The writes bypass admission
 * (upstream's loopback create runs it). Stateless.
 */
final class SystemPriorityClassBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(SystemPriorityClassBootstrap.class);
  /** The manager of kube-apiserver's loopback client: its user agent up to the first slash. */
  static final String LOOPBACK_MANAGER = "kube-apiserver";

  private SystemPriorityClassBootstrap() {}

  /** Creates the missing system classes; returns how many were created. */
  static int ensure(Registry registry, ResourceTable table) {
    int created = 0;
    FieldManagement fields = FieldManagement.of(table, registry.clock());
    for (Unstructured pc : SystemPriorityClasses.objects()) {
      StoredResource r = table.forKind(pc.groupVersionKind()).orElseThrow();
      if (registry.store().get(r.key("", pc.name())).kv().isPresent()) {
        continue;
      }
      try {
        registry.create(r, fields.created(r, Registry.defaulted(r, pc), LOOPBACK_MANAGER), false,
            WriteAdmission.NONE);
        created++;
        LOG.atInfo().setMessage("created PriorityClass " + pc.name() + " with value "
            + pc.object().get("value")).log();
      } catch (StatusException e) {
        if (e.status().code() != 409) {
          LOG.atError().setMessage("Unable to create system PriorityClass")
              .addKeyValue("name", pc.name()).addKeyValue("err", e.getMessage()).log();
        }
      }
    }
    return created;
  }
}
