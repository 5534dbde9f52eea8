package io.gatehouse.auth.rbac;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-apiserver's bootstrap RBAC policy ({@code bootstrap-policy.yaml}) and its start-up
 * reconciliation with the RBAC objects a cluster already stores.
 *
 * <p>{@link #reconcile} leaves what the API server's {@code rbac/bootstrap-roles} post-start hook
 * leaves behind ({@link BootstrapReconciliation}): every bootstrap role and binding exists; a
 * stored one annotated {@code rbac.authorization.kubernetes.io/autoupdate: "false"} stays as it
 * is; other stored ones keep their rules and subjects and gain the bootstrap ones they lack; a
 * binding whose {@code roleRef} differs is replaced by the bootstrap one.
 *
 * <p>Stateless; thread-safe.
 */
public final class BootstrapPolicy {

  private static final String RESOURCE = "bootstrap-policy.yaml";
  private static final String GROUP = "rbac.authorization.k8s.io";

  private BootstrapPolicy() {}

  /** Holds the parsed policy, read once. */
  private static final class Loaded {
    static final List<Unstructured> OBJECTS = read();
  }

  /** Returns the bootstrap roles and bindings (copies). */
  public static List<Unstructured> objects() {
    return Loaded.OBJECTS.stream().map(Unstructured::deepCopy).toList();
  }

  /**
   * Returns {@code stored} reconciled with the bootstrap policy: the result holds every object of
   * {@code stored} that is not an RBAC role or binding unchanged, and every RBAC role and binding
   * as the API server would after start-up.
   */
  public static List<Unstructured> reconcile(List<Unstructured> stored) {
    Map<String, Unstructured> byKey = new LinkedHashMap<>();
    List<Unstructured> others = new ArrayList<>();
    for (Unstructured o : stored) {
      if (isRbac(o)) {
        byKey.put(key(o), o);
      } else {
        others.add(o);
      }
    }
    for (Unstructured expected : Loaded.OBJECTS) {
      Unstructured existing = byKey.get(key(expected));
      BootstrapReconciliation.Result r = BootstrapReconciliation.reconcile(expected, existing);
      if (!r.protectedObject()) {
        byKey.put(key(expected), r.object());
      }
    }
    List<Unstructured> out = new ArrayList<>(others);
    out.addAll(byKey.values());
    return out;
  }

  private static boolean isRbac(Unstructured o) {
    return o.groupVersionKind().group().equals(GROUP) && List.of("ClusterRole", "Role",
        "ClusterRoleBinding", "RoleBinding").contains(o.kind());
  }

  private static String key(Unstructured o) {
    return o.kind() + "/" + o.namespace() + "/" + o.name();
  }

  private static List<Unstructured> read() {
    byte[] bytes;
    try (InputStream in = BootstrapPolicy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource " + RESOURCE);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
    ManifestDecoder.Result decoded = ManifestDecoder.decode(RESOURCE, bytes);
    if (!decoded.errors().isEmpty()) {
      throw new IllegalStateException("malformed " + RESOURCE + ": " + decoded.errors());
    }
    return decoded.manifests().stream().map(Manifest::object).toList();
  }

  /** Returns the rules of the bootstrap ClusterRole {@code system:node} (the Node authorizer's). */
  public static List<PolicyRule> nodeRules() {
    for (Unstructured o : Loaded.OBJECTS) {
      if (o.kind().equals("ClusterRole") && o.name().equals("system:node")) {
        return PolicyRule.listFromJson(o.object().get("rules"));
      }
    }
    throw new IllegalStateException("bootstrap policy lacks ClusterRole system:node");
  }
}
