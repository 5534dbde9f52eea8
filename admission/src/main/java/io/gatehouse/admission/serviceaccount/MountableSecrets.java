package io.gatehouse.admission.serviceaccount;

import static io.gatehouse.admission.ObjectFields.at;
import static io.gatehouse.admission.ObjectFields.maps;
import static io.gatehouse.admission.ObjectFields.str;

import io.gatehouse.api.Unstructured;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code limitSecretReferences} and {@code limitEphemeralContainerSecretReferences}:
 * with mountable-secret enforcement on, a pod may only use the secrets its service account lists
 * under {@code secrets} (in secret volumes and in env/envFrom of its containers) and the pull
 * secrets it lists under {@code imagePullSecrets}. The first offending reference is reported, in
 * upstream's order: volumes, init containers, containers, image pull secrets. Stateless.
 */
final class MountableSecrets {

  private MountableSecrets() {}

  /** The reason a pod is refused, if it is. */
  static Optional<String> check(Unstructured account, Unstructured pod) {
    Set<String> mountable = names(account.object().get("secrets"));
    String sa = account.name();
    for (Map<String, @Nullable Object> v : maps(pod.get("spec", "volumes").orElse(null))) {
      if (!(v.get("secret") instanceof Map<?, ?> secret)) {
        continue;
      }
      String name = str(secret.get("secretName"));
      if (!mountable.contains(name)) {
        return Optional.of("volume with secret.secretName=\"" + name + "\" is not allowed because "
            + "service account " + sa + " does not reference that secret");
      }
    }
    Optional<String> init = containers(pod, "initContainers", "init container", mountable, sa);
    if (init.isPresent()) {
      return init;
    }
    Optional<String> regular = containers(pod, "containers", "container", mountable, sa);
    if (regular.isPresent()) {
      return regular;
    }
    Set<String> pullable = names(account.object().get("imagePullSecrets"));
    int i = 0;
    for (Map<String, @Nullable Object> ref : maps(pod.get("spec", "imagePullSecrets")
        .orElse(null))) {
      String name = str(ref.get("name"));
      if (!pullable.contains(name)) {
        return Optional.of("imagePullSecrets[" + i + "].name=\"" + name + "\" is not allowed "
            + "because service account " + sa + " does not reference that imagePullSecret");
      }
      i++;
    }
    return Optional.empty();
  }

  /** The reason an ephemeral-container update is refused, if it is. */
  static Optional<String> checkEphemeral(Unstructured account, Unstructured pod) {
    return containers(pod, "ephemeralContainers", "ephemeral container",
        names(account.object().get("secrets")), account.name());
  }

  private static Optional<String> containers(Unstructured pod, String field, String label,
      Set<String> mountable, String sa) {
    for (Map<String, @Nullable Object> c : maps(pod.get("spec", field).orElse(null))) {
      String container = str(c.get("name"));
      for (Map<String, @Nullable Object> env : maps(c.get("env"))) {
        if (at(env, "valueFrom", "secretKeyRef") instanceof Map<?, ?> ref
            && !mountable.contains(str(ref.get("name")))) {
          return Optional.of(label + " " + container + " with envVar " + str(env.get("name"))
              + " referencing secret.secretName=\"" + str(ref.get("name")) + "\" is not allowed "
              + "because service account " + sa + " does not reference that secret");
        }
      }
      for (Map<String, @Nullable Object> from : maps(c.get("envFrom"))) {
        if (from.get("secretRef") instanceof Map<?, ?> ref
            && !mountable.contains(str(ref.get("name")))) {
          return Optional.of(label + " " + container + " with envFrom referencing "
              + "secret.secretName=\"" + str(ref.get("name")) + "\" is not allowed because "
              + "service account " + sa + " does not reference that secret");
        }
      }
    }
    return Optional.empty();
  }

  private static Set<String> names(@Nullable Object references) {
    Set<String> names = new HashSet<>();
    for (Map<String, @Nullable Object> ref : maps(references)) {
      names.add(str(ref.get("name")));
    }
    return names;
  }
}
