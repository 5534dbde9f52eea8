package io.gatehouse.admission.serviceaccount;

import static io.gatehouse.admission.ObjectFields.child;
import static io.gatehouse.admission.ObjectFields.childList;
import static io.gatehouse.admission.ObjectFields.maps;
import static io.gatehouse.admission.ObjectFields.str;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionErrors;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.MutatingAdmission;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.ValidatingAdmission;
import io.gatehouse.admission.pod.PodSecretNames;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ServiceAccount} admission plugin, as upstream's {@code serviceaccount.Plugin} in
 * Kubernetes 1.33. On pod creation (not subresources) it sets {@code serviceAccountName} to {@code
 * default} when empty, refuses a pod whose service account does not exist ({@code error looking
 * up service account <ns>/<name>: serviceaccount "<name>" not found}, after retrying {@code
 * default} for up to about two seconds), mounts the projected {@code kube-api-access-<5 random>}
 * token volume into every init container and container without a mount at {@code
 * /var/run/secrets/kubernetes.io/serviceaccount} unless {@code automountServiceAccountToken} is
 * false (the pod's choice, else the account's), and copies the account's image pull secrets into a
 * pod that has none. Mirror pods ({@code kubernetes.io/config.mirror}) are not changed and may not
 * reference service accounts, secrets or token projections. With the account annotated {@code
 * kubernetes.io/enforce-mountable-secrets: "true"}, secrets the account does not list are
 * refused, also for ephemeral containers added through {@code pods/ephemeralcontainers}. Denials
 * are 403 {@code pods "<name>" is forbidden: <reason>}.
 *
 * <p>Thread-safe; service accounts are read through the {@link ClusterState} given at creation.
 */
public final class ServiceAccountAdmission implements MutatingAdmission, ValidatingAdmission {

  /** The plugin's name. */
  public static final String PLUGIN = "ServiceAccount";
  static final String DEFAULT_NAME = "default";
  static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
  static final String ENFORCE_ANNOTATION = "kubernetes.io/enforce-mountable-secrets";
  private static final String EPHEMERAL = "ephemeralcontainers";

  private final AccountLookup accounts;
  private final UnaryOperator<String> generateName;

  ServiceAccountAdmission(ClusterState cluster, UnaryOperator<String> generateName,
      LongConsumer sleepMillis) {
    this.accounts = new AccountLookup(cluster, sleepMillis);
    this.generateName = generateName;
  }

  /** Returns the plugin reading service accounts from {@code cluster}. */
  public static ServiceAccountAdmission create(ClusterState cluster) {
    return new ServiceAccountAdmission(cluster, VolumeNames::generate, AccountLookup::sleep);
  }

  @Override
  public String name() {
    return PLUGIN;
  }

  @Override
  public AdmissionResult admit(AdmissionAttributes a) {
    Unstructured pod = a.object();
    if (ignored(a) || pod == null || a.operation() != Operation.CREATE) {
      return AdmissionResult.ALLOWED;
    }
    if (isMirror(pod)) {
      return validate(a);
    }
    Map<String, @Nullable Object> spec = child(pod.object(), "spec");
    if (str(spec.get("serviceAccountName")).isEmpty()) {
      spec.put("serviceAccountName", DEFAULT_NAME);
    }
    String accountName = str(spec.get("serviceAccountName"));
    Optional<Unstructured> account = accounts.find(a.namespace(), accountName);
    if (account.isEmpty()) {
      return lookupFailed(a, accountName);
    }
    if (automount(account.get(), spec)) {
      mountToken(spec);
    }
    if (maps(spec.get("imagePullSecrets")).isEmpty()) {
      List<@Nullable Object> pullSecrets = new ArrayList<>();
      for (Map<String, @Nullable Object> ref : maps(account.get().object()
          .get("imagePullSecrets"))) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        copy.put("name", str(ref.get("name")));
        pullSecrets.add(copy);
      }
      if (!pullSecrets.isEmpty()) {
        spec.put("imagePullSecrets", pullSecrets);
      }
    }
    return validate(a);
  }

  @Override
  public AdmissionResult validate(AdmissionAttributes a) {
    Unstructured pod = a.object();
    if (ignored(a) || pod == null) {
      return AdmissionResult.ALLOWED;
    }
    String accountName = str(pod.get("spec", "serviceAccountName").orElse(null));
    if (a.operation() == Operation.UPDATE && a.subresource().equals(EPHEMERAL)) {
      return ephemeral(a, pod, accountName);
    }
    if (a.operation() != Operation.CREATE) {
      return AdmissionResult.ALLOWED;
    }
    if (isMirror(pod)) {
      return mirror(a, pod, accountName);
    }
    if (accountName.isEmpty()) {
      return forbidden(a, "no service account specified for pod " + a.namespace() + "/"
          + pod.name());
    }
    Optional<Unstructured> account = accounts.find(a.namespace(), accountName);
    if (account.isEmpty()) {
      return lookupFailed(a, accountName);
    }
    if (enforcesMountableSecrets(account.get())) {
      Optional<String> refused = MountableSecrets.check(account.get(), pod);
      if (refused.isPresent()) {
        return forbidden(a, refused.get());
      }
    }
    return AdmissionResult.ALLOWED;
  }

  private AdmissionResult ephemeral(AdmissionAttributes a, Unstructured pod, String accountName) {
    if (accountName.isEmpty()) {
      return forbidden(a, "no service account specified for pod " + a.namespace() + "/"
          + pod.name());
    }
    Optional<Unstructured> account = accounts.find(a.namespace(), accountName);
    if (account.isEmpty()) {
      return lookupFailed(a, accountName);
    }
    if (!enforcesMountableSecrets(account.get())) {
      return AdmissionResult.ALLOWED;
    }
    return MountableSecrets.checkEphemeral(account.get(), pod)
        .map(reason -> forbidden(a, reason)).orElse(AdmissionResult.ALLOWED);
  }

  private static AdmissionResult mirror(AdmissionAttributes a, Unstructured pod,
      String accountName) {
    if (!accountName.isEmpty()) {
      return forbidden(a, "a mirror pod may not reference service accounts");
    }
    if (!PodSecretNames.of(pod).isEmpty()) {
      return forbidden(a, "a mirror pod may not reference secrets");
    }
    for (Map<String, @Nullable Object> v : maps(pod.get("spec", "volumes").orElse(null))) {
      if (v.get("projected") instanceof Map<?, ?> projected) {
        for (Map<String, @Nullable Object> source : maps(projected.get("sources"))) {
          if (source.get("serviceAccountToken") != null) {
            return forbidden(a, "a mirror pod may not use ServiceAccountToken volume projections");
          }
        }
      }
    }
    return AdmissionResult.ALLOWED;
  }

  /** Adds the token mount to the containers lacking one, and the volume if any needed it. */
  private void mountToken(Map<String, @Nullable Object> spec) {
    String volumeName = "";
    boolean hasVolume = false;
    for (Map<String, @Nullable Object> v : maps(spec.get("volumes"))) {
      String name = str(v.get("name"));
      if (name.startsWith(TokenVolume.NAME_PREFIX)) {
        volumeName = name;
        hasVolume = true;
        break;
      }
    }
    if (volumeName.isEmpty()) {
      volumeName = generateName.apply(TokenVolume.NAME_PREFIX);
    }
    boolean needsVolume = false;
    for (String field : List.of("initContainers", "containers")) {
      for (Map<String, @Nullable Object> c : maps(spec.get(field))) {
        boolean mounted = maps(c.get("volumeMounts")).stream()
            .anyMatch(m -> TokenVolume.MOUNT_PATH.equals(m.get("mountPath")));
        if (!mounted) {
          childList(c, "volumeMounts").add(TokenVolume.mount(volumeName));
          needsVolume = true;
        }
      }
    }
    if (!hasVolume && needsVolume) {
      childList(spec, "volumes").add(TokenVolume.volume(volumeName));
    }
  }

  /** The pod's {@code automountServiceAccountToken}, else the account's, else true. */
  private static boolean automount(Unstructured account, Map<String, @Nullable Object> spec) {
    if (spec.get("automountServiceAccountToken") instanceof Boolean b) {
      return b;
    }
    if (account.object().get("automountServiceAccountToken") instanceof Boolean b) {
      return b;
    }
    return true;
  }

  /** The account's annotation, read as Go's {@code strconv.ParseBool} (errors read as false). */
  private static boolean enforcesMountableSecrets(Unstructured account) {
    String value = account.annotations().getOrDefault(ENFORCE_ANNOTATION, "");
    return List.of("1", "t", "T", "TRUE", "true", "True").contains(value);
  }

  private static boolean ignored(AdmissionAttributes a) {
    return !a.resource().group().isEmpty() || !a.resource().resource().equals("pods")
        || !(a.subresource().isEmpty() || a.subresource().equals(EPHEMERAL));
  }

  private static boolean isMirror(Unstructured pod) {
    return pod.annotations().containsKey(MIRROR_ANNOTATION);
  }

  private static AdmissionResult lookupFailed(AdmissionAttributes a, String accountName) {
    return forbidden(a, "error looking up service account " + a.namespace() + "/" + accountName
        + ": " + AdmissionErrors.notFound("serviceaccount", accountName));
  }

  private static AdmissionResult forbidden(AdmissionAttributes a, String reason) {
    return AdmissionErrors.forbidden(PLUGIN, a, reason);
  }
}
