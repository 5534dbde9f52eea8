package io.gatehouse.api.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One {@code apiextensions.k8s.io/v1} CustomResourceDefinition, read into the resource it defines
 * in each of its versions (in {@code spec.versions} order, served or not). A terminating CRD
 * (condition {@code Terminating} {@code True}) offers only the verbs that read and delete, as
 * upstream's discovery controller lists them.
 *
 * @param name the CRD's {@code metadata.name}
 * @param versions the resource per version
 */
record CustomResourceDefinition(String name, List<Version> versions) {

  /**
   * The resource one version defines.
   *
   * @param resource the resource
   * @param served {@code versions[].served}
   */
  record Version(ApiResource resource, boolean served) {}

  /** Upstream's discovery verbs of a custom resource, in upstream's order. */
  static final List<String> VERBS =
      List.of("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch");

  /** The verbs while the CRD is terminating (condition {@code Terminating} is {@code True}). */
  static final List<String> TERMINATING_VERBS =
      List.of("delete", "deletecollection", "get", "list", "watch");

  private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

  private static final GroupVersionKind SCALE = new GroupVersionKind("autoscaling", "v1", "Scale");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  CustomResourceDefinition {
    versions = List.copyOf(versions);
  }

  /** Returns the group and plural name. */
  GroupResource groupResource() {
    return versions.get(0).resource().groupResource();
  }

  /**
   * Returns the names the CRD claims in its group, as upstream's naming controller counts them:
   * plural, singular and short names.
   */
  Set<String> resourceNames() {
    ApiResource r = versions.get(0).resource();
    Set<String> names = new TreeSet<>(r.shortNames());
    names.add(r.name());
    names.add(r.singularName());
    return names;
  }

  /** Returns the kinds the CRD claims in its group: kind and list kind. */
  Set<String> kindNames() {
    ApiResource r = versions.get(0).resource();
    return Set.of(r.kind().kind(), r.listKind());
  }

  /**
   * Reads {@code crd}. Defaults as the API server does: {@code singular} is the lower-cased kind,
   * {@code listKind} is the kind plus {@code List}.
   *
   * @throws IllegalArgumentException if {@code crd} is not an {@code apiextensions.k8s.io/v1}
   *     CustomResourceDefinition or lacks a field the API server requires
   */
  static CustomResourceDefinition read(Unstructured crd) {
    String id = "CustomResourceDefinition \"" + crd.name() + "\"";
    if (!crd.apiVersion().equals("apiextensions.k8s.io/v1")
        || !crd.kind().equals("CustomResourceDefinition")) {
      throw new IllegalArgumentException(
          "not an apiextensions.k8s.io/v1 CustomResourceDefinition: " + crd);
    }
    View view = MAPPER.convertValue(crd.object(), View.class);
    Spec spec = require(view.spec(), id, "spec");
    Names names = require(spec.names(), id, "spec.names");
    String group = require(spec.group(), id, "spec.group");
    String plural = require(names.plural(), id, "spec.names.plural");
    String kind = require(names.kind(), id, "spec.names.kind");
    String singular = blankToNull(names.singular());
    String listKind = blankToNull(names.listKind());
    Scope scope = scope(require(spec.scope(), id, "spec.scope"), id);
    List<String> verbs = terminating(view) ? TERMINATING_VERBS : VERBS;
    List<Version> versions = new ArrayList<>();
    for (VersionView v : require(spec.versions(), id, "spec.versions")) {
      GroupVersion gv = new GroupVersion(group, require(v.name(), id, "spec.versions[].name"));
      List<Subresource> subresources = new ArrayList<>();
      // status before scale, in the order upstream's CRD discovery lists them
      if (v.subresources() != null && v.subresources().status() != null) {
        subresources.add(new Subresource("status", gv.withKind(kind), SUBRESOURCE_VERBS));
      }
      if (v.subresources() != null && v.subresources().scale() != null) {
        subresources.add(new Subresource("scale", SCALE, SUBRESOURCE_VERBS));
      }
      ApiResource resource =
          new ApiResource(
              gv.withResource(plural),
              singular != null ? singular : kind.toLowerCase(Locale.ROOT),
              gv.withKind(kind),
              listKind != null ? listKind : kind + "List",
              scope,
              verbs,
              names.shortNames() == null ? List.of() : names.shortNames(),
              names.categories() == null ? List.of() : names.categories(),
              subresources);
      versions.add(new Version(resource, Boolean.TRUE.equals(v.served())));
    }
    if (versions.isEmpty()) {
      throw new IllegalArgumentException(id + ": spec.versions must not be empty");
    }
    return new CustomResourceDefinition(crd.name(), versions);
  }

  private static boolean terminating(View view) {
    if (view.status() == null || view.status().conditions() == null) {
      return false;
    }
    return view.status().conditions().stream()
        .anyMatch(c -> "Terminating".equals(c.type()) && "True".equals(c.status()));
  }

  private static Scope scope(String wire, String id) {
    try {
      return Scope.fromWire(wire);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(id + ": spec.scope: " + e.getMessage(), e);
    }
  }

  private static <T> T require(@Nullable T value, String id, String field) {
    if (value == null || (value instanceof String s && s.isEmpty())) {
      throw new IllegalArgumentException(id + ": " + field + " is required");
    }
    return value;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The fields read; unknown fields are ignored. */
  record View(@Nullable Spec spec, @Nullable StatusView status) {}

  /** {@code status}. */
  record StatusView(@Nullable List<ConditionView> conditions) {}

  /** {@code status.conditions[]}. */
  record ConditionView(@Nullable String type, @Nullable String status) {}

  /** {@code spec}. */
  record Spec(
      @Nullable String group,
      @Nullable Names names,
      @Nullable String scope,
      @Nullable List<VersionView> versions) {}

  /** {@code spec.names}. */
  record Names(
      @Nullable String plural,
      @Nullable String singular,
      @Nullable String kind,
      @Nullable String listKind,
      @Nullable List<String> shortNames,
      @Nullable List<String> categories) {}

  /** {@code spec.versions[]}. */
  record VersionView(
      @Nullable String name, @Nullable Boolean served, @Nullable SubresourcesView subresources) {}

  /** {@code spec.versions[].subresources}: present (even empty) means enabled. */
  record SubresourcesView(
      @Nullable Map<String, Object> status, @Nullable Map<String, Object> scale) {}
}
