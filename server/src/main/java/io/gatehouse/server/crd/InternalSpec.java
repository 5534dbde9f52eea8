package io.gatehouse.server.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The internal form apiextensions validates a v1 CRD in: when every version has the same schema
 * (or the same subresources, or the same printer columns), the conversion from v1 moves it to the
 * top level ({@code spec.validation}, {@code spec.subresources}, {@code
 * spec.additionalPrinterColumns}) and clears it in the versions, which is why errors about a
 * single-version CRD's schema are reported at {@code spec.validation.openAPIV3Schema}. Immutable.
 *
 * @param crd the v1 definition
 * @param versions the versions with the folded fields cleared
 * @param validation the folded {@code schema}, or {@code null}
 * @param subresources the folded subresources, or {@code null}
 * @param columns the folded printer columns
 */
record InternalSpec(CrdDefinition crd, List<CrdDefinition.Version> versions,
    CrdDefinition.@Nullable Version validation, CrdDefinition.@Nullable Subresources subresources,
    List<CrdDefinition.Column> columns) {

  static InternalSpec of(CrdDefinition crd) {
    List<CrdDefinition.Version> vs = crd.versions();
    if (vs.isEmpty()) {
      return new InternalSpec(crd, vs, null, null, List.of());
    }
    CrdDefinition.Version first = vs.get(0);
    boolean sameSchema = vs.stream().allMatch(v -> Objects.equals(v.schemaHolder(),
        first.schemaHolder()));
    boolean sameSubresources = vs.stream().allMatch(v -> Objects.equals(
        v.subresources() == null ? null : v.subresources().raw(),
        first.subresources() == null ? null : first.subresources().raw()));
    boolean sameColumns = vs.stream().allMatch(v -> v.columns().equals(first.columns()));
    List<CrdDefinition.Version> out = new ArrayList<>();
    for (CrdDefinition.Version v : vs) {
      out.add(new CrdDefinition.Version(v.name(), v.served(), v.storage(), v.deprecated(),
          v.deprecationWarning(), sameSchema ? null : v.schemaHolder(),
          sameSchema ? null : v.schema(), sameSubresources ? null : v.subresources(),
          sameColumns ? List.of() : v.columns(), v.selectableFields()));
    }
    return new InternalSpec(crd, out, sameSchema && first.schemaHolder() != null ? first : null,
        sameSubresources ? first.subresources() : null, sameColumns ? first.columns() : List.of());
  }

  /** The subresources that apply to {@code version}: top-level, else the version's own. */
  CrdDefinition.@Nullable Subresources subresourcesFor(CrdDefinition.Version version) {
    boolean perVersion = versions.stream().anyMatch(v -> v.subresources() != null);
    return perVersion ? version.subresources() : subresources;
  }

  boolean anyStatusEnabled() {
    return (subresources != null && subresources.status())
        || versions.stream().anyMatch(v -> v.subresources() != null && v.subresources().status());
  }

  /** Go's {@code %#v} of the internal {@code []CustomResourceDefinitionVersion}. */
  String versionsValue() {
    return VersionsGoSyntax.of(versions);
  }
}
