package io.gatehouse.cli;

import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.node.NodeAuthorizer;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.auth.webhook.Kubeconfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * The RBAC and Node authorizers over a {@link ClusterMirror} of a real API server: rebuilt on a
 * background thread shortly after the mirror changes (changes arriving together are applied
 * together), so a RoleBinding written to the cluster takes effect here within about a second.
 * Until the first LIST of every resource has completed nothing is served. Thread-safe.
 */
final class LiveAuthorizers implements AutoCloseable {

  /** What is mirrored: RBAC for the RBAC authorizer; pods, claims and attachments for Node. */
  static final List<ClusterMirror.Resource> RESOURCES = List.of(
      new ClusterMirror.Resource("/apis/rbac.authorization.k8s.io/v1/clusterroles",
          "rbac.authorization.k8s.io/v1", "ClusterRole"),
      new ClusterMirror.Resource("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
          "rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
      new ClusterMirror.Resource("/apis/rbac.authorization.k8s.io/v1/roles",
          "rbac.authorization.k8s.io/v1", "Role"),
      new ClusterMirror.Resource("/apis/rbac.authorization.k8s.io/v1/rolebindings",
          "rbac.authorization.k8s.io/v1", "RoleBinding"),
      new ClusterMirror.Resource("/api/v1/pods", "v1", "Pod"),
      new ClusterMirror.Resource("/api/v1/persistentvolumeclaims", "v1", "PersistentVolumeClaim"),
      new ClusterMirror.Resource("/apis/storage.k8s.io/v1/volumeattachments",
          "storage.k8s.io/v1", "VolumeAttachment"));

  private static final Duration COALESCE = Duration.ofMillis(100);

  private record Snapshot(RbacAuthorizer rbac, NodeAuthorizer node) {}

  private final Semaphore changed = new Semaphore(0);
  private final ClusterMirror mirror;
  private volatile @Nullable Thread rebuilder;
  private volatile Snapshot current;
  private volatile boolean closed;

  private LiveAuthorizers(Kubeconfig kubeconfig) {
    this.current = build(List.of());
    this.mirror = ClusterMirror.start(kubeconfig, RESOURCES, changed::release);
  }

  /**
   * Mirrors the cluster {@code kubeconfig} points at and returns once it has been listed.
   *
   * @throws IllegalStateException naming what could not be listed
   */
  static LiveAuthorizers start(Kubeconfig kubeconfig, Duration timeout) throws InterruptedException {
    LiveAuthorizers live = new LiveAuthorizers(kubeconfig);
    try {
      live.mirror.awaitSynced(timeout);
    } catch (IllegalStateException e) {
      live.close();
      throw e;
    }
    live.current = build(live.mirror.objects());
    live.rebuilder = Thread.ofVirtual().name("gatehouse-authorizer-rebuild").start(live::rebuild);
    return live;
  }

  RbacAuthorizer rbac() {
    return current.rbac();
  }

  NodeAuthorizer node() {
    return current.node();
  }

  @Override
  public void close() {
    closed = true;
    mirror.close();
    Thread t = rebuilder;
    if (t != null) {
      t.interrupt();
    }
  }

  private void rebuild() {
    while (!closed) {
      try {
        changed.acquire();
        Thread.sleep(COALESCE);
        changed.drainPermits();
        current = build(mirror.objects());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static Snapshot build(List<Unstructured> objects) {
    return new Snapshot(AuthSetup.rbacOf(objects), AuthSetup.nodeOf(objects));
  }
}
