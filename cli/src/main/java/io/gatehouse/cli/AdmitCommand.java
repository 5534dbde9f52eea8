package io.gatehouse.cli;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.podsecurity.LevelVersion;
import io.gatehouse.admission.podsecurity.PodSecurityConfiguration;
import io.gatehouse.admission.podsecurity.PodSecurityConfigurationLoader;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestError;
import io.gatehouse.api.defaults.Defaulter;
import io.gatehouse.cel.KubernetesVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse admit}: admits manifests against ValidatingAdmissionPolicies (and, later, the
 * other admission plugins) exactly as kube-apiserver would, offline.
 */
@Command(
    name = "admit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Admit manifests as kube-apiserver would: Pod Security (from namespace labels, or"
          + " --pod-security) and ValidatingAdmissionPolicies with their bindings.",
      "PATH is a file, a directory (recursively: *.yaml, *.yml, *.json) or '-' for stdin.",
      "Exit codes: 0 every object admitted (warnings allowed), 1 at least one denied,"
          + " 2 bad input or usage."
    })
final class AdmitCommand implements Callable<Integer> {

  /** The identity requests are made as unless {@code --user} is given. */
  static final String DEFAULT_USER = "system:admin";

  /**
   * kube-apiserver defaults a request's object when decoding it, and stored objects when reading
   * them, before admission sees either; so does {@code admit} with the object and the old object.
   */
  private static final Defaulter DEFAULTER = Defaulter.kubernetes133();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--policy", paramLabel = "PATH", required = true,
      description = "ValidatingAdmissionPolicies and bindings (other objects found here join --cluster).")
  List<String> policies = new ArrayList<>();

  @Option(names = "--cluster", paramLabel = "PATH",
      description = "Existing objects policies may consult: params, CRDs, Namespaces, RBAC.")
  List<String> cluster = new ArrayList<>();

  @Option(names = "--resource", paramLabel = "PATH", required = true,
      description = "Objects to admit, one request each, in input order.")
  List<String> resources = new ArrayList<>();

  @Option(names = "--operation", paramLabel = "OP",
      description = "CREATE, UPDATE, DELETE or CONNECT (default: ${DEFAULT-VALUE}).")
  String operation = "CREATE";

  @Option(names = "--old-resource", paramLabel = "PATH",
      description = "The stored objects for UPDATE/DELETE (matched by kind, namespace, name).")
  @Nullable String oldResource;

  @Option(names = "--user", paramLabel = "NAME",
      description = "The requesting user (default: " + DEFAULT_USER + " in group system:masters).")
  @Nullable String user;

  @Option(names = "--group", paramLabel = "NAME", description = "A group of the user. Repeatable.")
  List<String> groups = new ArrayList<>();

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Namespace for namespaced objects without one (default: ${DEFAULT-VALUE}).")
  String namespace = "default";

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "text, json, junit or sarif (default: ${DEFAULT-VALUE}).")
  String output = "text";

  @Option(names = "--pod-security", paramLabel = "LEVEL[:VERSION]",
      description = "Evaluate Pod Security as if every namespace were labelled enforce/audit/warn"
          + " at this level (privileged, baseline, restricted) and version (v1.N or latest).")
  @Nullable String podSecurity;

  @Option(names = "--admission-config", paramLabel = "FILE",
      description = "AdmissionConfiguration (or PodSecurityConfiguration) file: Pod Security"
          + " defaults and exemptions, as kube-apiserver's --admission-control-config-file.")
  @Nullable String admissionConfig;

  @Option(names = "--fail-on-warnings",
      description = "Exit 1 when any object gets a warning (e.g. workloads whose pods Pod Security"
          + " would reject).")
  boolean failOnWarnings;

  @Option(names = "--kubernetes-version", paramLabel = "MAJOR.MINOR",
      description = "Kubernetes version whose semantics to apply: CEL environment, and Pod"
          + " Security's latest (default: ${DEFAULT-VALUE} for CEL; newest Pod Security policies).")
  String kubernetesVersion = KubernetesVersion.DEFAULT.toString();

  @Override
  public Integer call() throws IOException {
    KubernetesVersion version = CliVersions.parse(kubernetesVersion);
    Operation op;
    try {
      op = Operation.parse(operation);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    ReportFormat format = ReportFormat.parse(output);
    LevelVersion forced = null;
    if (podSecurity != null) {
      try {
        forced = LevelVersion.parse(podSecurity);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--pod-security: " + e.getMessage());
      }
    }
    PodSecurityConfiguration psaConfig = PodSecurityConfiguration.DEFAULT;
    if (admissionConfig != null) {
      psaConfig = loadAdmissionConfig(admissionConfig);
    }
    Inputs inputs = Inputs.read(System.in, policies, cluster, resources, oldResource);
    // Pod Security knows policy versions up to the newest release; it emulates an older server
    // only when one is asked for explicitly.
    boolean emulate = spec.commandLine().getParseResult().hasMatchedOption("--kubernetes-version");
    AdmissionEngine engine = AdmissionEngine.create(inputs, version, psaConfig, forced, emulate);
    UserInfo who = identity();
    List<ManifestError> errors = new ArrayList<>(inputs.errors());
    List<AdmitOutcome> outcomes = new ArrayList<>();
    for (Manifest m : inputs.resources()) {
      try {
        outcomes.add(admit(engine, inputs, m, op, who));
      } catch (InputException e) {
        errors.add(new ManifestError(m.source(), m.line(), e.getMessage()));
      }
    }
    Report report = new Report(outcomes, inInputOrder(errors), engine.policyProblems());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    format.write(report, out);
    for (ManifestError e : report.errors()) {
      err.println(e);
    }
    if (!errors.isEmpty()) {
      return Gatehouse.BAD_INPUT;
    }
    boolean denied = outcomes.stream().anyMatch(o -> !o.result().allowed());
    boolean warned = outcomes.stream().anyMatch(o -> !o.result().warnings().isEmpty());
    return denied || (failOnWarnings && warned) ? Gatehouse.DENIED : Gatehouse.OK;
  }

  private static PodSecurityConfiguration loadAdmissionConfig(String file) {
    java.nio.file.Path path = java.nio.file.Path.of(file);
    if (!java.nio.file.Files.isRegularFile(path)) {
      throw new UsageException(file + ":1: no such file");
    }
    return switch (PodSecurityConfigurationLoader.load(path)) {
      case PodSecurityConfigurationLoader.Loaded l -> {
        var problem = l.configuration().initializationError();
        if (problem.isPresent()) {
          throw new UsageException(file + ": " + problem.get());
        }
        yield l.configuration();
      }
      case PodSecurityConfigurationLoader.Failed f ->
          throw new UsageException(String.join("; ", f.errors().stream()
              .map(e -> e.startsWith(file + ":") ? e : file + ": " + e).toList()));
    };
  }

  private AdmitOutcome admit(
      AdmissionEngine engine, Inputs inputs, Manifest m, Operation op, UserInfo who) {
    Unstructured object = m.object().deepCopy();
    GroupVersionKind gvk = object.groupVersionKind();
    String subresource = "";
    GroupVersionKind requestKind = gvk;
    ConnectTarget connect = null;
    if (op == Operation.CONNECT) {
      connect = ConnectTarget.forKind(gvk)
          .orElseThrow(() -> new InputException(
              "CONNECT needs a connect options object (" + ConnectTarget.supportedKinds()
                  + "), got " + gvk.kind()));
      subresource = connect.subresource();
    }
    ResourceResolver.Resolved resolved = engine.resolver()
        .resolve(connect == null ? gvk : connect.parentKind())
        .orElseThrow(() -> new InputException(
            "no matches for kind \"" + gvk.kind() + "\" in version \"" + gvk.apiVersion() + "\""));
    String ns = "";
    if (resolved.namespaced()) {
      ns = object.namespace().isEmpty() ? namespace : object.namespace();
      if (connect == null) {
        object.setNamespace(ns);
      }
    } else if (!object.namespace().isEmpty()) {
      object.metadataForWrite().remove("namespace");
    }
    String name = object.name();
    if (op == Operation.CREATE && connect == null && name.isEmpty()
        && !object.generateName().isEmpty()) {
      // The registry names the object before validating admission runs; the request keeps no name.
      object.metadataForWrite().put("name", GeneratedNames.generate(object.generateName()));
    }
    if (connect == null) {
      DEFAULTER.apply(gvk, object.object());
    }
    String storedNamespace = ns;
    if (isNamespace(gvk) && op != Operation.CREATE && connect == null) {
      // kube-apiserver's RequestInfo takes a namespace's own name as the request namespace for
      // requests on /api/v1/namespaces/<name> (every verb but create).
      ns = name;
    }
    Unstructured newObject = object;
    Unstructured oldObject = null;
    switch (op) {
      case CREATE -> {}
      case UPDATE -> oldObject = inputs.oldObject(gvk, storedNamespace, name)
          .orElseThrow(() -> new InputException(
              "UPDATE needs the stored object: give it with --old-resource or in --cluster"));
      case DELETE -> {
        oldObject = inputs.oldObject(gvk, storedNamespace, name).orElse(object);
        newObject = null;
      }
      case CONNECT -> {}
    }
    if (oldObject != null && resolved.namespaced()) {
      oldObject = oldObject.deepCopy();
      oldObject.setNamespace(ns);
    }
    if (oldObject != null && oldObject != object) {
      oldObject = oldObject.deepCopy();
      DEFAULTER.apply(gvk, oldObject.object());
    }
    GroupVersionResource resource = resolved.resource();
    AdmissionAttributes attrs =
        new AdmissionAttributes(
            newObject, oldObject, requestKind, resource, subresource, ns, name, op,
            operationOptions(op), false, who);
    AdmissionResult result = engine.admit(attrs);
    return new AdmitOutcome(m, storedNamespace, op, result);
  }

  private static boolean isNamespace(GroupVersionKind gvk) {
    return gvk.group().isEmpty() && gvk.version().equals("v1") && gvk.kind().equals("Namespace");
  }

  /** Orders errors by file (in the order files first appear) and line within a file. */
  private static List<ManifestError> inInputOrder(List<ManifestError> errors) {
    List<String> files = errors.stream().map(ManifestError::source).distinct().toList();
    List<ManifestError> sorted = new ArrayList<>(errors);
    sorted.sort(java.util.Comparator.comparingInt((ManifestError e) -> files.indexOf(e.source()))
        .thenComparingInt(ManifestError::line));
    return sorted;
  }

  private static @Nullable Map<String, Object> operationOptions(Operation op) {
    Map<String, Object> options = new LinkedHashMap<>();
    String kind = switch (op) {
      case CREATE -> "CreateOptions";
      case UPDATE -> "UpdateOptions";
      case DELETE -> "DeleteOptions";
      case CONNECT -> "";
    };
    if (kind.isEmpty()) {
      return null;
    }
    options.put("kind", kind);
    options.put("apiVersion", "meta.k8s.io/v1");
    return options;
  }

  private UserInfo identity() {
    if (user == null) {
      List<String> g = new ArrayList<>(groups.isEmpty() ? List.of("system:masters") : groups);
      if (!g.contains("system:authenticated")) {
        g.add("system:authenticated");
      }
      return new UserInfo(DEFAULT_USER, "", g, Map.of());
    }
    List<String> g = new ArrayList<>(groups);
    if (!g.contains("system:authenticated") && !user.equals("system:anonymous")) {
      g.add("system:authenticated");
    }
    return new UserInfo(user, "", g, Map.of());
  }

  /** A problem with one input object; reported as {@code file:line: reason}. */
  static final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
      super(message, null, false, false);
    }
  }

  /** The subresource a CONNECT options kind addresses. */
  record ConnectTarget(String optionsKind, GroupVersionKind parentKind, String subresource) {
    private static final List<ConnectTarget> ALL =
        List.of(
            new ConnectTarget("PodExecOptions", core("Pod"), "exec"),
            new ConnectTarget("PodAttachOptions", core("Pod"), "attach"),
            new ConnectTarget("PodPortForwardOptions", core("Pod"), "portforward"),
            new ConnectTarget("PodProxyOptions", core("Pod"), "proxy"),
            new ConnectTarget("ServiceProxyOptions", core("Service"), "proxy"),
            new ConnectTarget("NodeProxyOptions", core("Node"), "proxy"));

    static Optional<ConnectTarget> forKind(GroupVersionKind gvk) {
      return ALL.stream()
          .filter(t -> gvk.group().isEmpty() && t.optionsKind().equals(gvk.kind()))
          .findFirst();
    }

    static String supportedKinds() {
      return String.join(", ", ALL.stream().map(ConnectTarget::optionsKind).toList());
    }

    private static GroupVersionKind core(String kind) {
      return new GroupVersionKind("", "v1", kind);
    }
  }
}
