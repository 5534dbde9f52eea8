package io.gatehouse.auth.rbac;

import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Bindings in a fixed order, indexed by the identities their subjects can match, so that finding
 * the bindings that may apply to a user costs a few hash look-ups instead of a scan: a User
 * subject is found by the user's name, a Group subject by any of the user's groups, and a
 * ServiceAccount subject by the user name it stands for ({@code system:serviceaccount:<ns>:<name>},
 * the namespace defaulting to the binding's). Candidates come back in the original order, so a
 * visit over them sees exactly the bindings a scan would have matched, in the same order. Subjects
 * that can match no one (unknown kinds, a ServiceAccount without a namespace in a cluster binding)
 * are not indexed. Immutable and thread-safe.
 */
final class BindingIndex {

  private static final int[] NONE = new int[0];

  private final List<Binding> bindings;
  private final Map<String, int[]> byIdentity;

  private BindingIndex(List<Binding> bindings, Map<String, int[]> byIdentity) {
    this.bindings = bindings;
    this.byIdentity = byIdentity;
  }

  /** Indexes {@code bindings}, keeping their order. */
  static BindingIndex of(List<Binding> bindings) {
    Map<String, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < bindings.size(); i++) {
      Binding b = bindings.get(i);
      for (Subject s : b.subjects()) {
        String key = key(s, b.namespace());
        if (key != null) {
          List<Integer> at = positions.computeIfAbsent(key, k -> new ArrayList<>());
          if (at.isEmpty() || at.get(at.size() - 1) != i) {
            at.add(i);
          }
        }
      }
    }
    Map<String, int[]> index = new HashMap<>(positions.size() * 2);
    positions.forEach((k, v) -> index.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return new BindingIndex(List.copyOf(bindings), index);
  }

  /** All bindings, in order. */
  List<Binding> all() {
    return bindings;
  }

  /** The bindings with a subject that may apply to {@code user}, in the original order. */
  List<Binding> candidates(UserInfo user) {
    int[] merged = byIdentity.getOrDefault(user(user.name()), NONE);
    for (String group : user.groups()) {
      int[] more = byIdentity.get(group(group));
      if (more != null) {
        merged = union(merged, more);
      }
    }
    List<Binding> out = new ArrayList<>(merged.length);
    for (int i : merged) {
      out.add(bindings.get(i));
    }
    return out;
  }

  private static @Nullable String key(Subject s, String bindingNamespace) {
    return switch (s.kind()) {
      case "User" -> user(s.name());
      case "Group" -> group(s.name());
      case "ServiceAccount" -> {
        String ns = s.namespace().isEmpty() ? bindingNamespace : s.namespace();
        yield ns.isEmpty() ? null : user("system:serviceaccount:" + ns + ":" + s.name());
      }
      default -> null;
    };
  }

  private static String user(String name) {
    return "u\0" + name;
  }

  private static String group(String name) {
    return "g\0" + name;
  }

  /** The sorted union of two sorted, duplicate-free arrays. */
  private static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int next;
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        next = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        next = b[j++];
      } else {
        next = a[i++];
        j++;
      }
      out[n++] = next;
    }
    return Arrays.copyOf(out, n);
  }
}
