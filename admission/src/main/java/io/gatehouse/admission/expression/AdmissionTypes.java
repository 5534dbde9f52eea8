package io.gatehouse.admission.expression;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object types upstream declares for admission CEL ({@code BuildRequestType} and {@code
 * BuildNamespaceType}): {@code kubernetes.AdmissionRequest} and the restricted {@code
 * kubernetes.Namespace}, with their nested types.
 *
 * <p>Immutable constants; thread-safe.
 */
public final class AdmissionTypes {

  private static final CelType STRINGS = ListType.create(SimpleType.STRING);

  /** {@code kubernetes.GroupVersionKind}. */
  public static final StructType GROUP_VERSION_KIND =
      struct("kubernetes.GroupVersionKind",
          "group", SimpleType.STRING, "version", SimpleType.STRING, "kind", SimpleType.STRING);

  /** {@code kubernetes.GroupVersionResource}. */
  public static final StructType GROUP_VERSION_RESOURCE =
      struct("kubernetes.GroupVersionResource",
          "group", SimpleType.STRING, "version", SimpleType.STRING, "resource", SimpleType.STRING);

  /** {@code kubernetes.UserInfo}. */
  public static final StructType USER_INFO =
      struct("kubernetes.UserInfo",
          "username", SimpleType.STRING,
          "uid", SimpleType.STRING,
          "groups", STRINGS,
          "extra", MapType.create(SimpleType.STRING, STRINGS));

  /** {@code kubernetes.AdmissionRequest}: no {@code uid}, {@code object} or {@code oldObject}. */
  public static final StructType ADMISSION_REQUEST =
      struct("kubernetes.AdmissionRequest",
          "kind", GROUP_VERSION_KIND,
          "resource", GROUP_VERSION_RESOURCE,
          "subResource", SimpleType.STRING,
          "requestKind", GROUP_VERSION_KIND,
          "requestResource", GROUP_VERSION_RESOURCE,
          "requestSubResource", SimpleType.STRING,
          "name", SimpleType.STRING,
          "namespace", SimpleType.STRING,
          "operation", SimpleType.STRING,
          "userInfo", USER_INFO,
          "dryRun", SimpleType.BOOL,
          "options", SimpleType.DYN);

  /** {@code kubernetes.NamespaceSpec}. */
  public static final StructType NAMESPACE_SPEC =
      struct("kubernetes.NamespaceSpec", "finalizers", STRINGS);

  /** {@code kubernetes.NamespaceCondition}. */
  public static final StructType NAMESPACE_CONDITION =
      struct("kubernetes.NamespaceCondition",
          "status", SimpleType.STRING,
          "type", SimpleType.STRING,
          "lastTransitionTime", SimpleType.TIMESTAMP,
          "message", SimpleType.STRING,
          "reason", SimpleType.STRING);

  /** {@code kubernetes.NamespaceStatus}. */
  public static final StructType NAMESPACE_STATUS =
      struct("kubernetes.NamespaceStatus",
          "conditions", ListType.create(NAMESPACE_CONDITION),
          "phase", SimpleType.STRING);

  /**
   * {@code kubernetes.NamespaceMetadata}. Upstream declares {@code UID} in capitals although the
   * runtime map has {@code uid}; the declaration is kept as it is.
   */
  public static final StructType NAMESPACE_METADATA =
      struct("kubernetes.NamespaceMetadata",
          "name", SimpleType.STRING,
          "generateName", SimpleType.STRING,
          "namespace", SimpleType.STRING,
          "labels", MapType.create(SimpleType.STRING, SimpleType.STRING),
          "annotations", MapType.create(SimpleType.STRING, SimpleType.STRING),
          "UID", SimpleType.STRING,
          "creationTimestamp", SimpleType.TIMESTAMP,
          "deletionGracePeriodSeconds", SimpleType.INT,
          "deletionTimestamp", SimpleType.TIMESTAMP,
          "generation", SimpleType.INT,
          "resourceVersion", SimpleType.STRING,
          "finalizers", STRINGS);

  /** {@code kubernetes.Namespace}. */
  public static final StructType NAMESPACE =
      struct("kubernetes.Namespace",
          "metadata", NAMESPACE_METADATA, "spec", NAMESPACE_SPEC, "status", NAMESPACE_STATUS);

  /** Every type above, for registration with an environment. */
  public static final List<StructType> ALL =
      List.of(GROUP_VERSION_KIND, GROUP_VERSION_RESOURCE, USER_INFO, ADMISSION_REQUEST,
          NAMESPACE_SPEC, NAMESPACE_CONDITION, NAMESPACE_STATUS, NAMESPACE_METADATA, NAMESPACE);

  /** The name of the composited variables' type. */
  public static final String VARIABLES_TYPE_NAME = "kubernetes.variables";

  private AdmissionTypes() {}

  private static StructType struct(String name, Object... fieldsAndTypes) {
    Map<String, CelType> fields = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndTypes.length; i += 2) {
      fields.put((String) fieldsAndTypes[i], (CelType) fieldsAndTypes[i + 1]);
    }
    Map<String, CelType> frozen = Map.copyOf(fields);
    return StructType.create(
        name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(frozen.get(f)));
  }
}
