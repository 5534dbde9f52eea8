package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeletionPropagationTest {

  private static final ResourceTable TABLE = new ResourceTable(ResourceCatalog.builtin());

  private static StoredResource resource(String group, String version, String name) {
    return TABLE.resource(new GroupVersionResource(group, version, name)).orElseThrow();
  }

  private static DeleteOptions options(String policy, @Nullable Boolean orphanDependents) {
    return new DeleteOptions("", "", false, policy, orphanDependents);
  }

  private record Case(String name, StoredResource resource, List<String> current,
      DeleteOptions options, @Nullable List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final StoredResource CMS = resource("", "v1", "configmaps");
  private static final StoredResource RCS = resource("", "v1", "replicationcontrollers");
  private static final StoredResource JOBS = resource("batch", "v1", "jobs");
  private static final StoredResource DEPLOYMENTS = resource("apps", "v1", "deployments");

  private static Stream<Case> finalizersCases() {
    return Stream.of(
        new Case("background, nothing to change", CMS, List.of(), options("Background", null),
            null),
        new Case("no policy, default deletes dependents", CMS, List.of(), options("", null), null),
        new Case("orphan appended after other finalizers", CMS, List.of("example.com/x"),
            options("Orphan", null), List.of("example.com/x", "orphan")),
        new Case("foreground replaces orphan", CMS, List.of("orphan", "example.com/x"),
            options("Foreground", null), List.of("example.com/x", "foregroundDeletion")),
        new Case("background removes both", CMS, List.of("foregroundDeletion"),
            options("Background", null), List.of()),
        new Case("no policy keeps the object's orphan finalizer", CMS, List.of("orphan"),
            options("", null), null),
        new Case("no policy keeps the object's foreground finalizer", CMS,
            List.of("foregroundDeletion"), options("", null), null),
        new Case("orphanDependents=true orphans", CMS, List.of(), options("", true),
            List.of("orphan")),
        new Case("orphanDependents=false neither orphans nor waits", CMS, List.of("orphan"),
            options("", false), List.of()),
        new Case("core/v1 ReplicationControllers orphan by default", RCS, List.of(),
            options("", null), List.of("orphan")),
        new Case("batch/v1 Jobs orphan by default", JOBS, List.of(), options("", null),
            List.of("orphan")),
        new Case("apps/v1 Deployments delete dependents by default", DEPLOYMENTS, List.of(),
            options("", null), null),
        new Case("explicit background beats the Job default", JOBS, List.of(),
            options("Background", null), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("finalizersCases")
  void finalizers_optionsAndExisting_upstreamFinalizers(Case c) {
    assertThat(DeletionPropagation.finalizers(c.resource(), c.current(), c.options()))
        .isEqualTo(Optional.ofNullable(c.expected()));
  }

  private record NamespaceCase(String name, List<String> current, DeleteOptions options,
      List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<NamespaceCase> namespaceCases() {
    return Stream.of(
        new NamespaceCase("background adds nothing", List.of(), options("Background", null),
            List.of()),
        new NamespaceCase("foreground", List.of(), options("Foreground", null),
            List.of("foregroundDeletion")),
        new NamespaceCase("orphan replaces foreground", List.of("foregroundDeletion"),
            options("Orphan", null), List.of("orphan")),
        new NamespaceCase("no policy keeps what is there", List.of("orphan"), options("", null),
            List.of("orphan")),
        new NamespaceCase("orphanDependents=false waits", List.of(), options("", false),
            List.of("foregroundDeletion")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namespaceCases")
  void namespaceFinalizers_options_upstreamFinalizers(NamespaceCase c) {
    assertThat(DeletionPropagation.namespaceFinalizers(c.current(), c.options()))
        .isEqualTo(c.expected());
  }

  @Test
  void warnings_jobWithoutPolicy_upstreamWarning() {
    assertThat(DeletionPropagation.warnings(JOBS, options("", null))).containsExactly(
        "child pods are preserved by default when jobs are deleted; set "
            + "propagationPolicy=Background to remove them or set propagationPolicy=Orphan to "
            + "suppress this warning");
    assertThat(DeletionPropagation.warnings(JOBS, options("Orphan", null))).isEmpty();
    assertThat(DeletionPropagation.warnings(RCS, options("", null))).isEmpty();
  }
}
