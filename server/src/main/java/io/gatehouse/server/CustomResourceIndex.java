package io.gatehouse.server;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.crd.CrdDefinition;
import io.gatehouse.server.crd.CrdReader;
import io.gatehouse.server.crd.ObjectRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom resources a set of stored CRDs makes the server serve: every CRD whose names are
 * accepted ({@code NamesAccepted} or {@code Established} true, as upstream's CRD handler serves
 * them), under its {@code status.acceptedNames}; the catalog with them (discovery, RESTMapper) and
 * one stored resource per served version, stored at the CRD's storage version. Immutable.
 *
 * @param catalog the base catalog with the served CRDs
 * @param resources the stored resource of each served version
 */
record CustomResourceIndex(ResourceCatalog catalog, List<StoredResource> resources) {

  private static final Logger LOG = LoggerFactory.getLogger(CustomResourceIndex.class);

  CustomResourceIndex {
    resources = List.copyOf(resources);
  }

  /**
   * Builds the index of the stored CRDs {@code crds} over {@code base}.
   *
   * @param rules the {@code x-kubernetes-validations} of a CRD's version
   */
  static CustomResourceIndex of(ResourceCatalog base, List<Unstructured> crds,
      BiFunction<CrdDefinition, CrdDefinition.Version, ObjectRules> rules) {
    List<Unstructured> served = new ArrayList<>();
    List<CrdDefinition> definitions = new ArrayList<>();
    for (Unstructured stored : crds) {
      CrdDefinition crd;
      try {
        crd = CrdReader.read(stored.object());
      } catch (RuntimeException e) {
        LOG.atWarn().setMessage("CustomResourceDefinition unreadable").addKeyValue("name",
            stored.name()).setCause(e).log();
        continue;
      }
      if (!crd.conditionTrue("NamesAccepted") && !crd.conditionTrue("Established")) {
        continue;
      }
      Unstructured effective = effective(stored);
      try {
        base.withCustomResourceDefinitions(List.of(effective));
      } catch (IllegalArgumentException e) {
        LOG.atWarn().setMessage("CustomResourceDefinition not served").addKeyValue("name",
            crd.name()).addKeyValue("reason", e.getMessage()).log();
        continue;
      }
      served.add(effective);
      definitions.add(CrdReader.read(effective.object()));
    }
    ResourceCatalog catalog = base.withCustomResourceDefinitions(served);
    List<StoredResource> resources = new ArrayList<>();
    for (CrdDefinition crd : definitions) {
      String storage = crd.storageVersion();
      if (storage == null) {
        continue;
      }
      GroupVersionKind storageKind = new GroupVersionKind(crd.group(), storage,
          crd.names().kind());
      for (CrdDefinition.Version v : crd.versions()) {
        Optional<ApiResource> r = catalog.resource(
            new GroupVersionResource(crd.group(), v.name(), crd.names().plural()));
        if (v.served() && r.isPresent()) {
          resources.add(new StoredResource(r.get(), storageKind,
              new CustomResourceBehavior(crd, v, rules.apply(crd, v))));
        }
      }
    }
    return new CustomResourceIndex(catalog, resources);
  }

  /** The CRD with its accepted names in {@code spec.names}, as it is served. */
  @SuppressWarnings("unchecked")
  private static Unstructured effective(Unstructured crd) {
    Unstructured u = crd.deepCopy();
    Object status = u.object().get("status");
    Object names = status instanceof Map<?, ?> m ? m.get("acceptedNames") : null;
    if (u.object().get("spec") instanceof Map<?, ?> spec && names != null) {
      ((Map<String, Object>) spec).put("names", names);
    }
    return u;
  }
}
