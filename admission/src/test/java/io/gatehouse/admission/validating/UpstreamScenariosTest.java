package io.gatehouse.admission.validating;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.cel.KubernetesVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenarios taken from upstream's tests (the data they assert, written as YAML): each directory
 * under {@code upstream/} holds {@code policies.yaml}, an optional {@code cluster.yaml} and {@code
 * scenarios.yaml}, one document per request with what upstream expects (allowed, the Status
 * message, reason and code, warnings, audit annotations). Each scenario names the upstream test it
 * comes from in {@code source}.
 *
 * <p>A scenario document: {@code name}, {@code source}, {@code operation}, {@code resource} {group,
 * version, resource}, optional {@code subResource}, {@code kind} (defaults to the object's), {@code
 * namespace} and {@code requestName} (default to the object's), {@code object}, {@code oldObject},
 * {@code user} {name, uid, groups, extra}, {@code dryRun}, {@code options}, {@code
 * kubernetesVersion}, {@code policies} and {@code cluster} (replacing the shared files for this
 * scenario), {@code authorizer} (a list of allowed {user, verb, group, resource, subresource,
 * namespace, name, path} patterns, absent fields matching anything; {@code counting}; absent: allow
 * all)
 * and {@code expect}: {@code allowed}, {@code message}, {@code reason}, {@code code}, {@code
 * denials} (every denial's message), {@code warnings} (as a set, as upstream's recorder keeps them),
 * {@code auditAnnotations}. Only the expected keys given are compared.
 */
class UpstreamScenariosTest {

  private record Scenario(String name, Path dir, Map<String, Object> doc) {
    @Override
    public String toString() {
      return dir.getFileName() + ": " + name;
    }
  }

  static Stream<Scenario> scenarios() throws IOException, URISyntaxException {
    Path root =
        Path.of(Objects.requireNonNull(UpstreamScenariosTest.class.getResource("upstream")).toURI());
    List<Scenario> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        for (Unstructured doc : Manifests.of(Files.readString(dir.resolve("scenarios.yaml")))) {
          out.add(new Scenario(String.valueOf(doc.object().get("name")), dir, doc.object()));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void validate_upstreamScenario_matchesUpstream(Scenario s) throws IOException {
    Map<String, Object> doc = s.doc();
    KubernetesVersion version = doc.get("kubernetesVersion") == null
        ? KubernetesVersion.DEFAULT
        : KubernetesVersion.parse(String.valueOf(doc.get("kubernetesVersion")));
    var plugin = ValidatingAdmissionPolicyPlugin.create(
        objects(s.dir().resolve("policies.yaml"), doc.get("policies")),
        new ValidatingAdmissionPolicyPlugin.Options(version, null));
    FakeCluster cluster = FakeCluster.create();
    for (Unstructured o : objects(s.dir().resolve("cluster.yaml"), doc.get("cluster"))) {
      if (o.kind().equals("CustomResourceDefinition")) {
        cluster.crds(o);
      } else {
        cluster.add(o);
      }
    }
    Authorizer authorizer = "counting".equals(doc.get("authorizer"))
        ? counting()
        : authorizer(doc.get("authorizer"));
    AdmissionResult result = plugin.validate(request(doc), cluster, authorizer);
    Map<?, ?> expect = (Map<?, ?>) doc.get("expect");
    Map<String, Object> actual = new LinkedHashMap<>();
    Map<String, Object> wanted = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : expect.entrySet()) {
      String key = (String) e.getKey();
      wanted.put(key, key.equals("warnings") ? new HashSet<>((List<?>) e.getValue()) : e.getValue());
      actual.put(key, actual(key, result));
    }
    assertThat(actual).as(s.toString()).isEqualTo(wanted);
  }

  /** The scenario's own objects if it lists them, else those of the case's shared file. */
  private static List<Unstructured> objects(Path shared, @Nullable Object inline) throws IOException {
    if (inline instanceof List<?> l) {
      return l.stream().map(o -> Unstructured.copyOf(cast((Map<?, ?>) o))).toList();
    }
    return Files.exists(shared) ? Manifests.of(Files.readString(shared)) : List.of();
  }

  /**
   * Allows everything; checks of verb {@code test} get as reason how many such checks reached it,
   * as the webhook of upstream's TestAuthorizationDecisionCaching answers.
   */
  private static Authorizer counting() {
    int[] checks = {0};
    return a -> {
      if (!a.verb().equals("test")) {
        return AuthorizationResult.of(Decision.ALLOW, "");
      }
      checks[0]++;
      return AuthorizationResult.of(Decision.ALLOW, Integer.toString(checks[0]));
    };
  }

  private static @Nullable Object actual(String key, AdmissionResult r) {
    return switch (key) {
      case "allowed" -> r.allowed();
      case "message" -> r.status() == null ? null : r.status().message();
      case "reason" -> r.status() == null ? null : r.status().reason().wire();
      case "code" -> r.status() == null ? null : (long) r.status().code();
      case "denials" -> r.denials().stream().map(Denial::message).toList();
      case "warnings" ->
          new HashSet<>(r.warnings().stream().map(io.gatehouse.admission.Warning::message).toList());
      case "auditAnnotations" -> new LinkedHashMap<>(r.auditAnnotations());
      default -> throw new IllegalArgumentException("unknown expectation " + key);
    };
  }

  private static AdmissionAttributes request(Map<String, Object> r) {
    Unstructured object = r.get("object") instanceof Map<?, ?> m ? Unstructured.copyOf(cast(m)) : null;
    Unstructured old = r.get("oldObject") instanceof Map<?, ?> m ? Unstructured.copyOf(cast(m)) : null;
    Map<?, ?> res = (Map<?, ?>) r.get("resource");
    Unstructured subject = object != null ? object : old;
    GroupVersionKind kind = r.get("kind") instanceof Map<?, ?> k
        ? new GroupVersionKind(str(k.get("group")), str(k.get("version")), str(k.get("kind")))
        : subject.groupVersionKind();
    String namespace = r.containsKey("namespace") ? str(r.get("namespace")) : subject.namespace();
    String name = r.containsKey("requestName") ? str(r.get("requestName")) : subject.name();
    @SuppressWarnings("unchecked")
    Map<String, Object> options = (Map<String, Object>) r.get("options");
    return new AdmissionAttributes(object, old, kind,
        new GroupVersionResource(str(res.get("group")), str(res.get("version")), str(res.get("resource"))),
        str(r.get("subResource")), namespace, name, Operation.parse(str(r.get("operation"))),
        options, Boolean.TRUE.equals(r.get("dryRun")), user((Map<?, ?>) r.get("user")));
  }

  private static UserInfo user(@Nullable Map<?, ?> u) {
    if (u == null) {
      return UserInfo.of("system:admin", "system:masters", "system:authenticated");
    }
    List<String> groups = u.get("groups") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    Map<String, List<String>> extra = new LinkedHashMap<>();
    if (u.get("extra") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> extra.put(str(k), ((List<?>) v).stream().map(String::valueOf).toList()));
    }
    return new UserInfo(str(u.get("name")), str(u.get("uid")), groups, extra);
  }

  /** Allows what one of {@code rules} matches; everything when there are no rules. */
  private static Authorizer authorizer(@Nullable Object rules) {
    if (rules == null) {
      return Fixtures.ALLOW_ALL;
    }
    List<?> allowed = (List<?>) rules;
    return a -> allowed.stream().anyMatch(rule -> matches((Map<?, ?>) rule, a))
        ? AuthorizationResult.of(Decision.ALLOW, "")
        : AuthorizationResult.of(Decision.NO_OPINION, "");
  }

  private static boolean matches(Map<?, ?> rule, RequestAttributes a) {
    return field(rule, "user", a.user().name()) && field(rule, "verb", a.verb())
        && field(rule, "group", a.apiGroup()) && field(rule, "resource", a.resource())
        && field(rule, "subresource", a.subresource()) && field(rule, "namespace", a.namespace())
        && field(rule, "name", a.name()) && field(rule, "path", a.path());
  }

  private static boolean field(Map<?, ?> rule, String key, String value) {
    return !rule.containsKey(key) || str(rule.get(key)).equals(value);
  }

  private static String str(@Nullable Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }
}
