package io.gatehouse.cli;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import io.gatehouse.api.codec.ManifestError;
import io.gatehouse.api.codec.ManifestReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code admit} read: policies and bindings, cluster objects (including the non-policy
 * objects found beside policies), the objects to admit, the stored objects for UPDATE/DELETE, and
 * every input problem.
 */
record Inputs(
    List<Unstructured> policyObjects,
    List<Unstructured> clusterObjects,
    List<Manifest> resources,
    List<Unstructured> oldObjects,
    List<ManifestError> errors) {

  private static final String ADMISSION_GROUP = "admissionregistration.k8s.io";

  static Inputs read(
      InputStream stdin,
      List<String> policyPaths,
      List<String> clusterPaths,
      List<String> resourcePaths,
      @Nullable String oldPath) {
    long stdinUses =
        countStdin(policyPaths) + countStdin(clusterPaths) + countStdin(resourcePaths)
            + (oldPath != null && oldPath.equals("-") ? 1 : 0);
    if (stdinUses > 1) {
      throw new UsageException("standard input ('-') can be given only once");
    }
    ManifestReader reader = ManifestReader.create(() -> stdin);
    List<ManifestError> errors = new ArrayList<>();
    ManifestDecoder.Result policies = reader.read(policyPaths);
    ManifestDecoder.Result cluster = reader.read(clusterPaths);
    ManifestDecoder.Result resources = reader.read(resourcePaths);
    ManifestDecoder.Result old =
        oldPath == null ? new ManifestDecoder.Result(List.of(), List.of()) : reader.read(List.of(oldPath));
    errors.addAll(policies.errors());
    errors.addAll(cluster.errors());
    errors.addAll(resources.errors());
    errors.addAll(old.errors());
    List<Unstructured> policyObjects = new ArrayList<>();
    List<Unstructured> clusterObjects = new ArrayList<>();
    for (Manifest m : policies.manifests()) {
      if (isPolicyKind(m.object())) {
        policyObjects.add(m.object());
      } else {
        clusterObjects.add(m.object());
      }
    }
    cluster.manifests().forEach(m -> clusterObjects.add(m.object()));
    return new Inputs(
        policyObjects,
        clusterObjects,
        resources.manifests(),
        old.manifests().stream().map(Manifest::object).toList(),
        errors);
  }

  /** Returns whether {@code o} is a ValidatingAdmissionPolicy or binding of any version. */
  static boolean isPolicyKind(Unstructured o) {
    GroupVersionKind gvk = o.groupVersionKind();
    return gvk.group().equals(ADMISSION_GROUP)
        && (gvk.kind().equals("ValidatingAdmissionPolicy")
            || gvk.kind().equals("ValidatingAdmissionPolicyBinding"));
  }

  /** Every CustomResourceDefinition among all inputs. */
  List<Unstructured> customResourceDefinitions() {
    List<Unstructured> crds = new ArrayList<>();
    for (Unstructured o : clusterObjects) {
      if (o.groupVersionKind().group().equals("apiextensions.k8s.io")
          && o.kind().equals("CustomResourceDefinition")) {
        crds.add(o);
      }
    }
    for (Manifest m : resources) {
      Unstructured o = m.object();
      if (o.groupVersionKind().group().equals("apiextensions.k8s.io")
          && o.kind().equals("CustomResourceDefinition")) {
        crds.add(o);
      }
    }
    return crds;
  }

  /**
   * Returns the stored object for an UPDATE or DELETE: from {@code --old-resource}, else from
   * {@code --cluster}. An old object without a namespace matches any namespace.
   */
  Optional<Unstructured> oldObject(GroupVersionKind gvk, String namespace, String name) {
    for (List<Unstructured> source : List.of(oldObjects, clusterObjects)) {
      for (Unstructured o : source) {
        GroupVersionKind k = o.groupVersionKind();
        if (k.group().equals(gvk.group()) && k.kind().equals(gvk.kind()) && o.name().equals(name)
            && (o.namespace().isEmpty() || o.namespace().equals(namespace))) {
          return Optional.of(o);
        }
      }
    }
    return Optional.empty();
  }

  private static long countStdin(List<String> paths) {
    return paths.stream().filter("-"::equals).count();
  }
}
