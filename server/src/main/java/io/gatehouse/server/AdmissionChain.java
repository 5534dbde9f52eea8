package io.gatehouse.server;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.MutatingAdmission;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.ValidatingAdmission;
import io.gatehouse.admission.Warning;
import io.gatehouse.admission.limitrange.LimitRangerAdmission;
import io.gatehouse.admission.noderestriction.NodeRestrictionAdmission;
import io.gatehouse.admission.plugin.PluginNames;
import io.gatehouse.admission.plugin.PluginSelection;
import io.gatehouse.admission.podsecurity.PodSecurityAdmission;
import io.gatehouse.admission.priority.PriorityAdmission;
import io.gatehouse.admission.serviceaccount.ServiceAccountAdmission;
import io.gatehouse.admission.storageclass.DefaultStorageClassAdmission;
import io.gatehouse.admission.toleration.DefaultTolerationSecondsAdmission;
import io.gatehouse.admission.validating.ValidatingAdmissionPolicyPlugin;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admission plugins of every write, as kube-apiserver runs them: the enabled plugins'
 * mutating phases in upstream's order (LimitRanger, ServiceAccount, Priority,
 * DefaultTolerationSeconds, DefaultStorageClass) before the registry validates, then their
 * validating phases on the final object (NodeRestriction — a mutating plugin upstream that
 * changes nothing, run first here as before —, LimitRanger, ServiceAccount, PodSecurity, Priority,
 * ValidatingAdmissionPolicy), each phase stopping at the first denial. NamespaceLifecycle is the
 * registry's namespace check. Plugins read the cluster through the store ({@link ClusterState});
 * PodSecurity uses the AdmissionConfiguration's defaults and exemptions; policies and bindings come
 * from the current snapshot, and CEL's {@code authorizer} is the server's. Warnings go to the
 * response; a denial becomes the plugin's Status. Thread-safe.
 */
final class AdmissionChain {

  private final List<MutatingAdmission> mutating;
  private final List<ValidatingAdmission> validating;

  private AdmissionChain(List<MutatingAdmission> mutating, List<ValidatingAdmission> validating) {
    this.mutating = List.copyOf(mutating);
    this.validating = List.copyOf(validating);
  }

  /** The chain of the plugins {@code options} enables. */
  static AdmissionChain create(AdmissionOptions options, PodSecurityAdmission podSecurity,
      Supplier<ValidatingAdmissionPolicyPlugin> policies, ClusterState cluster,
      Authorizer authorizer) {
    PluginSelection selection = options.selection();
    List<MutatingAdmission> mutating = new ArrayList<>();
    List<ValidatingAdmission> validating = new ArrayList<>();
    if (selection.enables(PluginNames.NODE_RESTRICTION)) {
      validating.add(named(PluginNames.NODE_RESTRICTION,
          a -> NodeRestrictionAdmission.create().admit(a, cluster)));
    }
    for (String name : selection.enabled()) {
      switch (name) {
        case PluginNames.LIMIT_RANGER -> both(LimitRangerAdmission.create(cluster), mutating,
            validating);
        case PluginNames.SERVICE_ACCOUNT -> both(ServiceAccountAdmission.create(cluster),
            mutating, validating);
        case PluginNames.POD_SECURITY -> validating.add(named(name, podSecurity::admit));
        case PluginNames.PRIORITY -> both(PriorityAdmission.create(cluster), mutating,
            validating);
        case PluginNames.DEFAULT_TOLERATION_SECONDS -> mutating.add(
            DefaultTolerationSecondsAdmission.create(options.defaultNotReadyTolerationSeconds(),
                options.defaultUnreachableTolerationSeconds()));
        case PluginNames.DEFAULT_STORAGE_CLASS -> mutating.add(
            DefaultStorageClassAdmission.create(cluster));
        case PluginNames.VALIDATING_ADMISSION_POLICY -> validating.add(named(name,
            a -> policies.get().validate(a, cluster, authorizer)));
        default -> { }
      }
    }
    return new AdmissionChain(mutating, validating);
  }

  /** The names of the mutating and validating plugins, in order (for the start-up log). */
  List<String> mutatingNames() {
    return mutating.stream().map(MutatingAdmission::name).toList();
  }

  List<String> validatingNames() {
    return validating.stream().map(ValidatingAdmission::name).toList();
  }

  /** Returns the registry's callbacks for requests made by {@code user}. */
  WriteAdmission forUser(UserInfo user) {
    return new WriteAdmission() {
      @Override
      public List<String> admit(WriteRequest request) {
        AdmissionAttributes a = attributes(request, user);
        List<String> warnings = new ArrayList<>();
        for (MutatingAdmission plugin : mutating) {
          check(plugin.admit(a), warnings);
        }
        return warnings;
      }

      @Override
      public List<String> validate(WriteRequest request) {
        AdmissionAttributes a = attributes(request, user);
        List<String> warnings = new ArrayList<>();
        for (ValidatingAdmission plugin : validating) {
          check(plugin.validate(a), warnings);
        }
        return warnings;
      }
    };
  }

  private static AdmissionAttributes attributes(WriteRequest w, UserInfo user) {
    Operation op = Operation.valueOf(w.operation());
    String optionsKind = switch (op) {
      case CREATE -> "CreateOptions";
      case UPDATE -> "UpdateOptions";
      case DELETE -> "DeleteOptions";
      case CONNECT -> "";
    };
    return new AdmissionAttributes(w.object(), w.oldObject(),
        w.kind(), w.resource().served().groupVersionResource(), w.subresource(),
        w.namespace(), w.name(), op,
        Map.of("kind", optionsKind, "apiVersion", "meta.k8s.io/v1"), w.dryRun(), user);
  }

  private static <P extends MutatingAdmission & ValidatingAdmission> void both(P plugin,
      List<MutatingAdmission> mutating, List<ValidatingAdmission> validating) {
    mutating.add(plugin);
    validating.add(plugin);
  }

  private static ValidatingAdmission named(String name,
      Function<AdmissionAttributes, AdmissionResult> validate) {
    return new ValidatingAdmission() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public AdmissionResult validate(AdmissionAttributes attributes) {
        return validate.apply(attributes);
      }
    };
  }

  private static void check(AdmissionResult result, List<String> warnings) {
    for (Warning w : result.warnings()) {
      warnings.add(w.message());
    }
    if (!result.allowed()) {
      Status s = result.status();
      throw new StatusException(s != null ? s
          : new Status("admission denied the request", StatusReason.FORBIDDEN, null, 403));
    }
  }
}
