package io.gatehouse.server.crd;

import io.gatehouse.server.schema.CoercionException;
import io.gatehouse.server.schema.Defaulting;
import io.gatehouse.server.schema.EmbeddedResources;
import io.gatehouse.server.schema.JsonSchema;
import io.gatehouse.server.schema.Pruning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How custom objects are decoded (apiextensions' {@code schemaCoercingDecoder} followed by the
 * structural defaulter): fields the version's schema does not specify are pruned, {@code null}s
 * of non-nullable fields without default removed, unknown {@code metadata} fields of the root and
 * of embedded resources dropped, then defaults applied. Request bodies report the pruned fields'
 * paths (for {@code fieldValidation}); objects read from storage are decoded with the schema of
 * the version they were stored at. Immutable; thread-safe.
 */
public final class CustomResourceCodec {

  private final String group;
  private final String kind;
  private final Map<String, @Nullable JsonSchema> schemas = new HashMap<>();
  private final @Nullable String storageVersion;

  /** Builds the codec of {@code crd}'s versions. */
  public CustomResourceCodec(CrdDefinition crd) {
    this.group = crd.group();
    this.kind = crd.names().kind();
    for (CrdDefinition.Version v : crd.versions()) {
      schemas.put(v.name(), v.schema());
    }
    this.storageVersion = crd.storageVersion();
  }

  /**
   * Decodes a request body (or a patched object) of {@code version} in place.
   *
   * @return the paths of the unknown fields that were dropped: pruned ones sorted, then metadata
   *     ones sorted (upstream's order)
   * @throws CoercionException if an embedded resource's {@code apiVersion} or {@code kind} is not a
   *     string
   */
  public List<String> decode(Map<String, @Nullable Object> object, String version) {
    JsonSchema schema = schemas.get(version);
    if (!ownKind(object)) {
      return List.of();
    }
    List<String> unknown = new ArrayList<>(Pruning.prune(object, schema));
    Defaulting.pruneNulls(object, schema);
    unknown.addAll(EmbeddedResources.coerce(object, schema));
    Defaulting.apply(object, schema);
    return unknown;
  }

  /**
   * Prunes an applied configuration of {@code version} in place (no defaulting: the applier must
   * not own defaults), so that field management records only fields the schema knows.
   */
  public void pruneConfiguration(Map<String, @Nullable Object> configuration, String version) {
    if (ownKind(configuration)) {
      Pruning.prune(configuration, schemas.get(version));
    }
  }

  /**
   * Decodes an object read from storage in place, with the schema of the version in its {@code
   * apiVersion} (the storage version's when that version is gone). Never throws: fields of the
   * wrong type are left for validation to report.
   */
  public void read(Map<String, @Nullable Object> object) {
    if (!ownKind(object)) {
      return;
    }
    String apiVersion = (String) object.get("apiVersion");
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    JsonSchema schema = schemas.containsKey(version) ? schemas.get(version)
        : storageVersion == null ? null : schemas.get(storageVersion);
    Pruning.prune(object, schema);
    Defaulting.pruneNulls(object, schema);
    try {
      EmbeddedResources.coerce(object, schema);
    } catch (CoercionException e) {
      // upstream's storage decoder drops invalid fields instead; validation reports them
    }
    Defaulting.apply(object, schema);
  }

  private boolean ownKind(Map<String, @Nullable Object> object) {
    return object.get("apiVersion") instanceof String apiVersion
        && apiVersion.startsWith(group + "/") && kind.equals(object.get("kind"));
  }
}
