package io.gatehouse.admission.storageclass;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Requests;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultStorageClassAdmissionTest {

  private static final GroupVersionResource CLAIMS =
      new GroupVersionResource("", "v1", "persistentvolumeclaims");

  private static Unstructured storageClass(String name, String created, String annotation) {
    return Manifests.one("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: "
        + name + ", creationTimestamp: '" + created + "', annotations: {" + annotation + "}}\n"
        + "provisioner: x\n");
  }

  private static Unstructured claim(String metadataExtra, String specExtra) {
    return Manifests.one("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, "
        + "namespace: ns" + metadataExtra + "}\nspec: {accessModes: [ReadWriteOnce]" + specExtra
        + "}\n");
  }

  private record Case(String name, FakeCluster cluster, Unstructured claim, Unstructured expected,
      Operation operation) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String isDefault = "storageclass.kubernetes.io/is-default-class: 'true'";
    FakeCluster two = FakeCluster.create().add(
        storageClass("old", "2024-01-01T00:00:00Z", isDefault),
        storageClass("new", "2025-01-01T00:00:00Z", isDefault),
        storageClass("plain", "2026-01-01T00:00:00Z", ""));
    FakeCluster tie = FakeCluster.create().add(
        storageClass("b", "2025-01-01T00:00:00Z", isDefault),
        storageClass("a", "2025-01-01T00:00:00Z",
            "storageclass.beta.kubernetes.io/is-default-class: 'true'"));
    return Stream.of(
        new Case("newest default wins", two, claim("", ""),
            claim("", ", storageClassName: new"), Operation.CREATE),
        new Case("same time: first by name (beta annotation counts)", tie, claim("", ""),
            claim("", ", storageClassName: a"), Operation.CREATE),
        new Case("empty class name is a choice", two, claim("", ", storageClassName: ''"),
            claim("", ", storageClassName: ''"), Operation.CREATE),
        new Case("beta claim annotation is a choice", two,
            claim(", annotations: {volume.beta.kubernetes.io/storage-class: x}", ""),
            claim(", annotations: {volume.beta.kubernetes.io/storage-class: x}", ""),
            Operation.CREATE),
        new Case("no default class", FakeCluster.create().add(
            storageClass("plain", "2026-01-01T00:00:00Z", "")), claim("", ""), claim("", ""),
            Operation.CREATE),
        new Case("updates are left alone", two, claim("", ""), claim("", ""), Operation.UPDATE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void admit_claim_getsDefaultClass(Case c) {
    Unstructured claim = c.claim().deepCopy();

    DefaultStorageClassAdmission.create(c.cluster())
        .admit(Requests.create(claim, CLAIMS, c.operation(), null));

    assertThat(claim).isEqualTo(c.expected());
  }
}
