package io.gatehouse.api.catalog;

import io.gatehouse.api.GroupVersionKind;
import java.util.List;

/**
 * A subresource of an {@link ApiResource}, e.g. {@code deployments/scale}.
 *
 * @param name the subresource name, e.g. {@code scale}
 * @param kind the kind it accepts and returns, in its own group/version (e.g. {@code autoscaling/v1
 *     Scale} for {@code deployments/scale}, {@code v1 Pod} for {@code pods/status})
 * @param verbs the verbs it supports, in discovery order
 */
public record Subresource(String name, GroupVersionKind kind, List<String> verbs) {

  /** Copies {@code verbs}; immutable and thread-safe. */
  public Subresource {
    verbs = List.copyOf(verbs);
  }
}
