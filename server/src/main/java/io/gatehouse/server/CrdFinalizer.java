package io.gatehouse.server;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.server.crd.CrdConditions;
import io.gatehouse.server.crd.CrdDefinition;
import io.gatehouse.server.crd.CrdStrategy;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * apiextensions' CRD finalizer for one CRD marked for deletion: records {@code Terminating}
 * {@code InstanceDeletionInProgress}, deletes every object of the CRD (when it was ever
 * established), waits up to a minute for objects held by finalizers, records {@code
 * InstanceDeletionCompleted} (or {@code NeverEstablished}) and removes the {@code
 * customresourcecleanup} finalizer, which deletes the CRD. Objects still present after the wait
 * leave the CRD with {@code InstanceDeletionCheck}; the next change to the CRD retries. Not
 * thread-safe: one run per CRD at a time.
 */
final class CrdFinalizer {

  private static final GroupVersionResource CRDS =
      new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions");
  private static final Duration WAIT = Duration.ofMinutes(1);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(CrdFinalizer.class);

  private final Registry registry;
  private final ResourceTable table;
  private final Clock clock;

  CrdFinalizer(Registry registry, ResourceTable table, Clock clock) {
    this.registry = registry;
    this.table = table;
    this.clock = clock;
  }

  void finalize(CrdDefinition crd) {
    try {
      run(crd);
    } catch (StatusException e) {
      LOG.atInfo().setMessage("CRD finalizer interrupted by a concurrent change")
          .addKeyValue("name", crd.name()).addKeyValue("status", e.status().message()).log();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(CrdDefinition crd) throws InterruptedException {
    status(crd.name(), new CrdConditions.Condition("Terminating", "True",
        "InstanceDeletionInProgress", "CustomResource deletion is in progress"));
    CrdConditions.Condition done;
    Optional<StoredResource> resource = resource(crd);
    if (crd.conditionTrue("Established") && resource.isPresent()) {
      StoredResource r = resource.get();
      for (Unstructured obj : objects(r)) {
        try {
          registry.delete(r, obj.namespace(), obj.name(), DeleteOptions.DEFAULT,
              WriteAdmission.NONE);
        } catch (StatusException e) {
          if (e.status().code() != 404) {
            throw e;
          }
        }
      }
      Instant deadline = Instant.now().plus(WAIT);
      int remaining;
      while ((remaining = objects(r).size()) > 0 && Instant.now().isBefore(deadline)) {
        Thread.sleep(POLL.toMillis());
      }
      if (remaining > 0) {
        status(crd.name(), new CrdConditions.Condition("Terminating", "True",
            "InstanceDeletionCheck", "could not confirm zero CustomResources remaining: timed "
            + "out waiting for the condition"));
        return;
      }
      done = new CrdConditions.Condition("Terminating", "False", "InstanceDeletionCompleted",
          "removed all instances");
    } else {
      done = new CrdConditions.Condition("Terminating", "False", "NeverEstablished",
          "resource was never established");
    }
    status(crd.name(), done);
    StoredResource crds = table.resource(CRDS).orElseThrow();
    registry.update(crds, "", crd.name(), "", u -> {
      u.metadataForWrite().remove("resourceVersion");
      List<String> finalizers = new ArrayList<>(Registry.finalizers(u));
      finalizers.remove(CrdStrategy.CLEANUP_FINALIZER);
      u.metadataForWrite().put("finalizers", finalizers);
      return u;
    }, false, WriteAdmission.NONE);
  }

  private Optional<StoredResource> resource(CrdDefinition crd) {
    for (StoredResource r : table.all()) {
      if (r.behavior() instanceof CustomResourceBehavior b
          && b.definition().name().equals(crd.name())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private List<Unstructured> objects(StoredResource r) {
    List<Unstructured> out = new ArrayList<>();
    if (registry.store().list(r.prefix(), ListOptions.latest()) instanceof ListResult.Page p) {
      for (KeyValue kv : p.items()) {
        out.add(ObjectBytes.read(kv));
      }
    }
    return out;
  }

  private void status(String name, CrdConditions.Condition condition) {
    StoredResource crds = table.resource(CRDS).orElseThrow();
    Consumer<Unstructured> change = u -> CrdConditions.set(u.object(), condition,
        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    registry.update(crds, "", name, "status", u -> {
      u.metadataForWrite().remove("resourceVersion");
      change.accept(u);
      return u;
    }, false, WriteAdmission.NONE);
  }
}
