package io.gatehouse.api.catalog;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resources Gatehouse serves: kube-apiserver's discovery data, RESTMapper and equivalent
 * resource registry in one immutable value.
 *
 * <p>{@link #builtin()} holds every resource a default Kubernetes 1.33 kube-apiserver serves (the
 * GA group-versions it enables by default), plus {@code admissionregistration.k8s.io/v1beta1} and
 * {@code v1alpha1} ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding. {@link
 * #withCustomResourceDefinitions} adds custom resources.
 *
 * <p>Immutable and thread-safe. Lookups never throw for unknown input: they return empty results,
 * except {@link #requireResourceFor}, which throws upstream's "no matches" error.
 */
public final class ResourceCatalog {

  private final BuiltinData builtin;
  private final List<CustomResourceDefinition> crds;
  private final CatalogIndex index;

  private ResourceCatalog(BuiltinData builtin, List<CustomResourceDefinition> crds) {
    this.builtin = builtin;
    this.crds = List.copyOf(crds);
    this.index = new CatalogIndex(builtin, this.crds);
  }

  /** Loads the built-in data once, on first use. */
  private static final class Builtin {
    static final ResourceCatalog INSTANCE = new ResourceCatalog(BuiltinData.load(), List.of());
  }

  /** Returns the catalog of built-in resources. */
  public static ResourceCatalog builtin() {
    return Builtin.INSTANCE;
  }

  /**
   * Returns a catalog that also serves each served version of each {@code
   * apiextensions.k8s.io/v1} CustomResourceDefinition in {@code crds} (read from {@code
   * spec.group}, {@code spec.names}, {@code spec.scope}, {@code spec.versions[].served} and {@code
   * spec.versions[].subresources}; {@code status} and {@code scale}, the latter of kind {@code
   * autoscaling/v1 Scale}). This catalog is unchanged.
   *
   * <p>As upstream's naming controller, a CRD that claims a plural, singular, short name, kind or
   * list kind an earlier CRD of the same group claims is left out, and so is one that would serve
   * a resource this catalog already serves. Names are taken from {@code spec.names} (upstream
   * serves {@code status.acceptedNames}, which equal them once accepted).
   *
   * @throws IllegalArgumentException if an element is not a CustomResourceDefinition of {@code
   *     apiextensions.k8s.io/v1} or lacks a field the API server requires (group, names.plural,
   *     names.kind, scope, versions with names)
   */
  public ResourceCatalog withCustomResourceDefinitions(List<Unstructured> crds) {
    List<CustomResourceDefinition> all = new ArrayList<>(this.crds);
    for (Unstructured crd : crds) {
      all.add(CustomResourceDefinition.read(crd));
    }
    return new ResourceCatalog(builtin, all);
  }

  /**
   * Returns every served group in discovery order: the core group (name {@code ""}) first, then
   * the groups as the aggregator orders {@code /apis}; each with its versions, preferred first.
   */
  public List<ApiGroup> groups() {
    return index.groups;
  }

  /** Returns every served group/version in discovery order. */
  public List<GroupVersion> groupVersions() {
    return index.groupVersions;
  }

  /** Whether {@code groupVersion} is served (every request's routing asks). */
  public boolean serves(GroupVersion groupVersion) {
    return index.servedGroupVersions.contains(groupVersion);
  }

  /** Returns the resources served in {@code groupVersion}, by name; empty if it is not served. */
  public List<ApiResource> resources(GroupVersion groupVersion) {
    for (ApiGroup g : index.groups) {
      for (ApiGroupVersion v : g.versions()) {
        if (v.groupVersion().equals(groupVersion)) {
          return v.resources();
        }
      }
    }
    return List.of();
  }

  /** Returns the resource {@code gvr} names by its plural, if it is served. */
  public Optional<ApiResource> resource(GroupVersionResource gvr) {
    return Optional.ofNullable(index.byResource.get(gvr));
  }

  /** Returns the served resource whose objects are of kind {@code gvk}. */
  public Optional<ApiResource> resourceFor(GroupVersionKind gvk) {
    return Optional.ofNullable(index.byKind.get(gvk));
  }

  /**
   * Returns the served resource whose objects are of kind {@code gvk}.
   *
   * @throws NoKindMatchException if none is, with upstream's text {@code no matches for kind
   *     "Foo" in version "example.com/v1"}
   */
  public ApiResource requireResourceFor(GroupVersionKind gvk) {
    return resourceFor(gvk).orElseThrow(() -> new NoKindMatchException(gvk));
  }

  /** Returns the kind of the served resource {@code gvr} (by plural name). */
  public Optional<GroupVersionKind> kindFor(GroupVersionResource gvr) {
    return resource(gvr).map(ApiResource::kind);
  }

  /** Returns the subresource {@code name} of the served resource {@code gvr}. */
  public Optional<Subresource> subresource(GroupVersionResource gvr, String name) {
    return resource(gvr).flatMap(r -> r.subresource(name));
  }

  /**
   * Resolves a kubectl resource argument as {@code kubectl auth can-i} does: a plural, singular or
   * short name ({@code pods}, {@code pod}, {@code po}), qualified by group ({@code
   * deployments.apps}, {@code deploy.apps}, or a group prefix: {@code storageclasses.storage}) or by
   * version and group ({@code deployments.v1.apps}); case-insensitive. Unqualified names prefer the
   * core group, then groups and versions in discovery order ({@code events} is the core one).
   *
   * <p>Deviation: upstream's RESTMapper also "resolves" guessed list resources such as {@code
   * podlists}, which no server serves; this catalog does not.
   *
   * @return the resource, or empty if nothing matches or two resources of one group/version match
   *     (upstream's ambiguity error)
   */
  public Optional<ApiResource> resolve(String resourceArg) {
    return ResourceArgResolver.resolve(index.groups, resourceArg);
  }

  /** Returns the scope of {@code groupResource} (in any served version), if it is served. */
  public Optional<Scope> scope(GroupResource groupResource) {
    return Optional.ofNullable(index.scopes.get(groupResource));
  }

  /**
   * Returns whether {@code groupResource} is a served, namespaced resource; {@code false} for
   * cluster-scoped and unknown ones (use {@link #scope} to tell them apart).
   */
  public boolean isNamespaced(GroupResource groupResource) {
    return scope(groupResource).orElse(Scope.CLUSTER) == Scope.NAMESPACED;
  }

  /**
   * Returns the resources equivalent to {@code gvr} for {@code matchPolicy: Equivalent} that have
   * {@code subresource} ({@code ""} for the main resource), {@code gvr} itself included if
   * registered; empty if its group/resource is unknown (an unknown version of a known
   * group/resource gets the known versions, as upstream's lookup is keyed by group/resource).
   * Upstream's {@code EquivalentResourcesFor}, keyed as kube-apiserver keys
   * it: built-in resources by storage prefix (versions of one resource, and {@code v1 events} with
   * {@code events.k8s.io/v1 events}), custom resources by CRD, every version of the CRD included,
   * served or not (upstream registers them all). Order is registration order: built-in resources
   * in discovery order, CRD versions in {@code spec.versions} order.
   */
  public List<GroupVersionResource> equivalentResources(GroupVersionResource gvr, String subresource) {
    return index.registry.equivalentResourcesFor(gvr, subresource);
  }

  /**
   * Returns the kind registered for {@code gvr} and {@code subresource} ({@code ""} for the main
   * resource), upstream's {@code EquivalentResourceMapper.KindFor}: e.g. {@code autoscaling/v1
   * Scale} for {@code apps/v1 deployments} {@code scale}. Knows unserved CRD versions too.
   */
  public Optional<GroupVersionKind> kindFor(GroupVersionResource gvr, String subresource) {
    return index.registry.kindFor(gvr, subresource);
  }
}
