package io.gatehouse.server.crd;

import io.gatehouse.server.schema.JsonSchema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One CustomResourceDefinition as the v1 API decodes it (defaults applied: {@code singular} is the
 * lower-cased kind, {@code listKind} the kind plus {@code List}, conversion strategy {@code None}).
 * Versions keep their own schema, subresources and printer columns (v1 has no top-level ones).
 * Immutable.
 *
 * @param name {@code metadata.name}
 * @param metadata {@code metadata} as decoded
 * @param group {@code spec.group}
 * @param names {@code spec.names}
 * @param scope {@code spec.scope}
 * @param versions {@code spec.versions}, in order
 * @param preserveUnknownFields {@code spec.preserveUnknownFields}
 * @param conversion {@code spec.conversion}
 * @param status {@code status}
 */
public record CrdDefinition(String name, Map<String, Object> metadata, String group, Names names,
    String scope, List<Version> versions, boolean preserveUnknownFields, Conversion conversion,
    Status status) {

  /** Copies the lists; immutable. */
  public CrdDefinition {
    versions = List.copyOf(versions);
  }

  /**
   * {@code spec.names} or {@code status.acceptedNames}.
   *
   * @param plural the plural resource name
   * @param singular the singular name
   * @param kind the kind
   * @param listKind the list kind
   * @param shortNames the short names
   * @param categories the categories
   */
  public record Names(String plural, String singular, String kind, String listKind,
      List<String> shortNames, List<String> categories) {

    /** The empty names. */
    public static final Names EMPTY = new Names("", "", "", "", List.of(), List.of());

    /** Copies the lists; immutable. */
    public Names {
      shortNames = List.copyOf(shortNames);
      categories = List.copyOf(categories);
    }
  }

  /**
   * One entry of {@code spec.versions}.
   *
   * @param name the version name
   * @param served whether it is served
   * @param storage whether it is the storage version
   * @param deprecated whether it is deprecated
   * @param deprecationWarning the deprecation warning, or {@code null}
   * @param schemaHolder the {@code schema} object as decoded, or {@code null}
   * @param schema the parsed {@code schema.openAPIV3Schema}, or {@code null}
   * @param subresources the subresources, or {@code null}
   * @param columns the additional printer columns
   * @param selectableFields the {@code jsonPath}s of {@code selectableFields}
   */
  public record Version(String name, boolean served, boolean storage, boolean deprecated,
      @Nullable String deprecationWarning, @Nullable Map<String, Object> schemaHolder,
      @Nullable JsonSchema schema, @Nullable Subresources subresources, List<Column> columns,
      List<String> selectableFields) {

    /** Copies the lists; immutable. */
    public Version {
      columns = List.copyOf(columns);
      selectableFields = List.copyOf(selectableFields);
    }

    /** The {@code schema.openAPIV3Schema} object as decoded, or {@code null}. */
    public @Nullable Object rawSchema() {
      return schemaHolder == null ? null : schemaHolder.get("openAPIV3Schema");
    }
  }

  /**
   * {@code subresources}.
   *
   * @param raw the object as decoded
   * @param status whether {@code status} is set
   * @param scale {@code scale}, or {@code null}
   */
  public record Subresources(Map<String, Object> raw, boolean status, @Nullable Scale scale) {}

  /**
   * {@code subresources.scale}.
   *
   * @param specReplicasPath {@code specReplicasPath}
   * @param statusReplicasPath {@code statusReplicasPath}
   * @param labelSelectorPath {@code labelSelectorPath}, or {@code null}
   */
  public record Scale(String specReplicasPath, String statusReplicasPath,
      @Nullable String labelSelectorPath) {}

  /**
   * One of {@code additionalPrinterColumns}.
   *
   * @param name the column name
   * @param type its type
   * @param format its format
   * @param description its description
   * @param priority its priority
   * @param jsonPath its {@code jsonPath}
   */
  public record Column(String name, String type, String format, String description,
      long priority, String jsonPath) {}

  /**
   * {@code spec.conversion}.
   *
   * @param strategy {@code None} or {@code Webhook}
   * @param webhook {@code webhook} as decoded, or {@code null}
   */
  public record Conversion(String strategy, @Nullable Map<String, Object> webhook) {}

  /**
   * {@code status}.
   *
   * @param conditions the conditions as decoded
   * @param acceptedNames {@code acceptedNames}
   * @param storedVersions {@code storedVersions}
   */
  public record Status(List<Map<String, Object>> conditions, Names acceptedNames,
      List<String> storedVersions) {

    /** Copies the lists; immutable. */
    public Status {
      conditions = List.copyOf(conditions);
      storedVersions = List.copyOf(storedVersions);
    }
  }

  /** Returns the storage version's name, or {@code null} if none is marked. */
  public @Nullable String storageVersion() {
    return versions.stream().filter(Version::storage).map(Version::name).findFirst().orElse(null);
  }

  /** Returns the version called {@code name}. */
  public @Nullable Version version(String name) {
    return versions.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
  }

  /** Whether the condition of {@code type} has status {@code True}. */
  public boolean conditionTrue(String type) {
    return status.conditions().stream()
        .anyMatch(c -> type.equals(c.get("type")) && "True".equals(c.get("status")));
  }
}
