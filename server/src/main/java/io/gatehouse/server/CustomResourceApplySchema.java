package io.gatehouse.server;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.server.apply.ApplySchema;
import io.gatehouse.server.apply.CustomResourceTypes;
import io.gatehouse.server.apply.OpenApiTypes;
import io.gatehouse.server.apply.SchemaType;
import io.gatehouse.server.crd.CrdDefinition;
import io.gatehouse.server.openapi.Definitions;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apply schema of custom resources: for a kind served by a CustomResourceDefinition version,
 * the type {@link CustomResourceTypes} derives from that version's schema, with {@code ObjectMeta}
 * from the built-in definitions. It follows the served resources: the behaviour of a served
 * version is replaced whenever its CRD changes, and types are cached per behaviour (weakly), so a
 * changed schema is used from the next request on. Kinds that are not custom resources are
 * unknown here. A schema the converter finds fault with (which CRD validation prevents) is logged
 * and its kind typed as upstream's deduced type. Thread-safe.
 */
final class CustomResourceApplySchema implements ApplySchema {

  private static final Logger LOG = LoggerFactory.getLogger(CustomResourceApplySchema.class);

  private final Function<GroupVersionKind, Optional<StoredResource>> resources;
  private final Map<CustomResourceBehavior, SchemaType> types =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** @param resources the stored resource serving a kind (the resource table's) */
  CustomResourceApplySchema(Function<GroupVersionKind, Optional<StoredResource>> resources) {
    this.resources = resources;
  }

  @Override
  public Optional<SchemaType> typeOf(GroupVersionKind kind) {
    return resources.apply(kind)
        .filter(r -> r.behavior() instanceof CustomResourceBehavior)
        .map(r -> types.computeIfAbsent((CustomResourceBehavior) r.behavior(),
            b -> convert(kind, b)));
  }

  @SuppressWarnings("unchecked")
  private static SchemaType convert(GroupVersionKind kind, CustomResourceBehavior b) {
    CrdDefinition crd = b.definition();
    OpenApiTypes types = new OpenApiTypes(Builtin::definition, crd.preserveUnknownFields());
    Map<String, Object> schema = b.version().rawSchema() instanceof Map<?, ?> m
        ? (Map<String, Object>) m : null;
    SchemaType t = CustomResourceTypes.of(schema, types);
    if (!types.errors().isEmpty()) {
      LOG.atWarn().setMessage("apply schema of a custom resource not usable, fields deduced")
          .addKeyValue("kind", kind).addKeyValue("errors", types.errors()).log();
      return SchemaType.DEDUCED;
    }
    return t;
  }

  /** The built-in definitions, read on first use. */
  private static final class Builtin {
    static final Definitions DEFINITIONS = Definitions.builtin();

    static Map<String, Object> definition(String name) {
      return DEFINITIONS.schema(name).orElse(null);
    }
  }
}
