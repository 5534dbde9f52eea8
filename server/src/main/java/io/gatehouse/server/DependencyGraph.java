package io.gatehouse.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The garbage collector's view of ownership (upstream's {@code uidToNode} graph, restricted to
 * what collection needs): every stored object that has owner references or is being deleted in
 * the foreground, by storage key, and for every owner uid the keys of the objects that reference
 * it. Owners are identified by uid only; whether an owner exists is always asked of the store.
 * Not thread-safe: confined to the collector's thread.
 */
final class DependencyGraph {

  /**
   * One tracked object.
   *
   * @param key its storage key
   * @param uid its uid
   * @param owners its owner references
   * @param deletingDependents whether it is being deleted in the foreground
   */
  record Node(String key, String uid, List<OwnerReference> owners, boolean deletingDependents) {}

  /**
   * What changed in a node's references.
   *
   * @param added references to owner uids the node did not reference before
   * @param unblocked references that blocked their owner's deletion and no longer do (removed,
   *     or {@code blockOwnerDeletion} turned off)
   */
  record Change(List<OwnerReference> added, List<OwnerReference> unblocked) {}

  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Set<String>> dependents = new HashMap<>();
  private final Map<String, String> deleting = new HashMap<>();

  /**
   * Records the latest state of the object at {@code key}; an object with no owners that is not
   * being deleted in the foreground is dropped from the graph.
   */
  Change put(String key, String uid, List<OwnerReference> owners, boolean deletingDependents) {
    Node previous = remove(key);
    List<OwnerReference> before = previous == null || !previous.uid().equals(uid)
        ? List.of() : previous.owners();
    Map<String, OwnerReference> old = byUid(before);
    Map<String, OwnerReference> now = byUid(owners);
    List<OwnerReference> added = new ArrayList<>();
    for (OwnerReference ref : owners) {
      if (!old.containsKey(ref.uid())) {
        added.add(ref);
      }
    }
    List<OwnerReference> unblocked = new ArrayList<>();
    for (OwnerReference ref : before) {
      OwnerReference next = now.get(ref.uid());
      if (ref.blockOwnerDeletion() && (next == null || !next.blockOwnerDeletion())) {
        unblocked.add(ref);
      }
    }
    if (!owners.isEmpty() || deletingDependents) {
      nodes.put(key, new Node(key, uid, List.copyOf(owners), deletingDependents));
      for (OwnerReference ref : owners) {
        dependents.computeIfAbsent(ref.uid(), u -> new LinkedHashSet<>()).add(key);
      }
      if (deletingDependents) {
        deleting.put(uid, key);
      }
    }
    return new Change(added, unblocked);
  }

  /** Forgets the object at {@code key}; returns what was known of it. */
  @Nullable Node remove(String key) {
    Node node = nodes.remove(key);
    if (node == null) {
      return null;
    }
    for (OwnerReference ref : node.owners()) {
      Set<String> keys = dependents.get(ref.uid());
      if (keys != null) {
        keys.remove(key);
        if (keys.isEmpty()) {
          dependents.remove(ref.uid());
        }
      }
    }
    deleting.remove(node.uid(), key);
    return node;
  }

  /** The tracked object at {@code key}. */
  Optional<Node> node(String key) {
    return Optional.ofNullable(nodes.get(key));
  }

  /** The keys of the objects referencing the owner {@code uid}. */
  List<String> dependents(String uid) {
    Set<String> keys = dependents.get(uid);
    return keys == null ? List.of() : List.copyOf(keys);
  }

  /** Whether any object has owner references. */
  boolean hasOwnedObjects() {
    return !dependents.isEmpty();
  }

  /** The key of the object {@code uid} when it is being deleted in the foreground. */
  Optional<String> deletingDependents(String uid) {
    return Optional.ofNullable(deleting.get(uid));
  }

  /** Whether the object at {@code key} blocks the deletion of the owner {@code ownerUid}. */
  boolean blocks(String key, String ownerUid) {
    Node node = nodes.get(key);
    if (node != null) {
      for (OwnerReference ref : node.owners()) {
        if (ref.uid().equals(ownerUid) && ref.blockOwnerDeletion()) {
          return true;
        }
      }
    }
    return false;
  }

  void clear() {
    nodes.clear();
    dependents.clear();
    deleting.clear();
  }

  private static Map<String, OwnerReference> byUid(List<OwnerReference> refs) {
    Map<String, OwnerReference> out = new HashMap<>();
    for (OwnerReference ref : refs) {
      out.putIfAbsent(ref.uid(), ref);
    }
    return out;
  }
}
