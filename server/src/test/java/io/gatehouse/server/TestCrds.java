package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * CustomResourceDefinition manifests of group {@code example.com} for tests, written as YAML in
 * one fixed layout (flow-style {@code metadata} and {@code names}, versions at two spaces, a
 * version's fields at four, its {@code openAPIV3Schema} body at eight) so that tests may edit the
 * text with {@link String#replace}. Stateless; the {@link Builder} is not thread-safe.
 */
public final class TestCrds {

  /** The API group of every CRD built here. */
  public static final String GROUP = "example.com";

  private TestCrds() {
  }

  /** A CRD built here: its {@code metadata.name} ({@code <plural>.example.com}) and its YAML. */
  public record Crd(String name, String yaml) {
  }

  /** Starts a namespaced CRD with the given plural and kind. */
  public static Builder namespaced(String plural, String kind) {
    return new Builder(plural, kind, "Namespaced");
  }

  /** Starts a cluster-scoped CRD with the given plural and kind. */
  public static Builder cluster(String plural, String kind) {
    return new Builder(plural, kind, "Cluster");
  }

  /**
   * An object schema whose only property is an object {@code spec} with the given properties (a
   * YAML block starting at column 0).
   */
  public static String specSchema(String specProperties) {
    return specSchema(specProperties, "");
  }

  /**
   * An object schema with an object {@code spec} of the given properties and, beside {@code spec},
   * the given further root properties (YAML blocks starting at column 0; the second may be empty).
   */
  public static String specSchema(String specProperties, String rootProperties) {
    return "type: object\nproperties:\n  spec:\n    type: object\n    properties:\n"
        + specProperties.indent(6) + (rootProperties.isEmpty() ? "" : rootProperties.indent(2));
  }

  /**
   * One served version of a CRD: its schema (the {@code openAPIV3Schema} body as YAML starting at
   * column 0), whether it is the storage version or deprecated, its {@code subresources} (flow
   * YAML, empty for none) and its {@code additionalPrinterColumns} (one flow YAML item each).
   */
  public record Version(String name, String schema, boolean storage, boolean deprecated,
      String subresources, List<String> printerColumns) {

    public Version {
      printerColumns = List.copyOf(printerColumns);
    }

    /** The storage version {@code name} with the given schema and nothing more. */
    public static Version of(String name, String schema) {
      return new Version(name, schema, true, false, "", List.of());
    }

    /** This version served but neither stored nor the storage version, and deprecated. */
    public Version deprecatedNotStored() {
      return new Version(name, schema, false, true, subresources, printerColumns);
    }

    /** This version with the given {@code subresources} (flow YAML). */
    public Version subresources(String flow) {
      return new Version(name, schema, storage, deprecated, flow, printerColumns);
    }

    /** This version with the given {@code additionalPrinterColumns} (one flow YAML item each). */
    public Version printerColumns(String... flowItems) {
      return new Version(name, schema, storage, deprecated, subresources, List.of(flowItems));
    }

    private String yaml() {
      StringBuilder b = new StringBuilder("  - name: " + name + "\n    served: true\n")
          .append("    storage: ").append(storage).append('\n')
          .append(deprecated ? "    deprecated: true\n" : "")
          .append("    schema:\n      openAPIV3Schema:\n").append(schema.indent(8));
      if (!subresources.isEmpty()) {
        b.append("    subresources: ").append(subresources).append('\n');
      }
      if (!printerColumns.isEmpty()) {
        b.append("    additionalPrinterColumns:\n");
        printerColumns.forEach(c -> b.append("    - ").append(c).append('\n'));
      }
      return b.toString();
    }
  }

  /** Builds one {@link Crd}; names beyond plural and kind are optional. */
  public static final class Builder {
    private final String plural;
    private final String kind;
    private final String scope;
    private String singular = "";
    private List<String> shortNames = List.of();
    private List<String> categories = List.of();
    private final List<Version> versions = new ArrayList<>();

    private Builder(String plural, String kind, String scope) {
      this.plural = plural;
      this.kind = kind;
      this.scope = scope;
    }

    public Builder singular(String name) {
      this.singular = name;
      return this;
    }

    public Builder shortNames(String... names) {
      this.shortNames = List.of(names);
      return this;
    }

    public Builder categories(String... names) {
      this.categories = List.of(names);
      return this;
    }

    /** Adds a version, in order. */
    public Builder version(Version version) {
      versions.add(version);
      return this;
    }

    /** Adds the storage version {@code v1} with the given schema. */
    public Builder v1(String schema) {
      return version(Version.of("v1", schema));
    }

    public Crd build() {
      String name = plural + "." + GROUP;
      StringBuilder b = new StringBuilder("apiVersion: apiextensions.k8s.io/v1\n")
          .append("kind: CustomResourceDefinition\nmetadata: {name: ").append(name).append("}\n")
          .append("spec:\n  group: ").append(GROUP).append("\n  scope: ").append(scope)
          .append("\n  names: {plural: ").append(plural)
          .append(singular.isEmpty() ? "" : ", singular: " + singular)
          .append(", kind: ").append(kind)
          .append(shortNames.isEmpty() ? "" : ", shortNames: [" + String.join(", ", shortNames) + "]")
          .append(categories.isEmpty() ? "" : ", categories: [" + String.join(", ", categories) + "]")
          .append("}\n  versions:\n");
      versions.forEach(v -> b.append(v.yaml()));
      return new Crd(name, b.toString());
    }
  }

  /**
   * Applies the CRD with kubectl {@code k} as the admin and waits until it is established,
   * failing the test if either step fails.
   */
  static void install(KubectlServer server, Kubectl k, Crd crd) {
    Kubectl.Result applied = server.admin(k, "apply", "--server-side", "-f",
        server.write("crd-" + crd.name() + ".yaml", crd.yaml()).toString());
    assertThat(applied.exitCode()).as(applied.stderr()).isZero();
    Kubectl.Result established = server.admin(k, "wait", "--for=condition=Established",
        "crd/" + crd.name(), "--timeout=30s");
    assertThat(established.exitCode()).as(established.stderr()).isZero();
  }
}
