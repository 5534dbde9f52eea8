package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  private static final OwnerReference A = new OwnerReference("v1", "ConfigMap", "a", "uid-a", true);
  private static final OwnerReference B = new OwnerReference("v1", "ConfigMap", "b", "uid-b",
      false);

  private final DependencyGraph graph = new DependencyGraph();

  @Test
  void put_newNode_allReferencesAddedAndIndexed() {
    DependencyGraph.Change change = graph.put("k", "uid-k", List.of(A, B), false);

    assertThat(change).isEqualTo(new DependencyGraph.Change(List.of(A, B), List.of()));
    assertThat(graph.dependents("uid-a")).containsExactly("k");
    assertThat(graph.blocks("k", "uid-a")).isTrue();
    assertThat(graph.blocks("k", "uid-b")).isFalse();
  }

  @Test
  void put_blockingReferenceDroppedOrTurnedOff_reportedUnblocked() {
    graph.put("k", "uid-k", List.of(A, B), false);
    OwnerReference aLoose = new OwnerReference("v1", "ConfigMap", "a", "uid-a", false);

    DependencyGraph.Change loosened = graph.put("k", "uid-k", List.of(aLoose, B), false);
    graph.put("k", "uid-k", List.of(A, B), false);
    DependencyGraph.Change dropped = graph.put("k", "uid-k", List.of(B), false);

    assertThat(loosened).isEqualTo(new DependencyGraph.Change(List.of(), List.of(A)));
    assertThat(dropped).isEqualTo(new DependencyGraph.Change(List.of(), List.of(A)));
    assertThat(graph.dependents("uid-a")).isEmpty();
  }

  @Test
  void put_newObjectAtSameKey_referencesCountAsAdded() {
    graph.put("k", "uid-old", List.of(A), false);

    DependencyGraph.Change change = graph.put("k", "uid-new", List.of(A), false);

    assertThat(change.added()).containsExactly(A);
  }

  @Test
  void remove_foregroundOwner_forgottenEverywhere() {
    graph.put("owner", "uid-a", List.of(), true);
    graph.put("k", "uid-k", List.of(A), false);
    assertThat(graph.deletingDependents("uid-a")).contains("owner");

    DependencyGraph.Node removed = graph.remove("owner");
    graph.put("k", "uid-k", List.of(), false);

    assertThat(removed).isEqualTo(new DependencyGraph.Node("owner", "uid-a", List.of(), true));
    assertThat(graph.deletingDependents("uid-a")).isEmpty();
    assertThat(graph.node("k")).isEmpty();
    assertThat(graph.hasOwnedObjects()).isFalse();
  }
}
