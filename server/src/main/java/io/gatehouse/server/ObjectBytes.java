package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stored objects: JSON without {@code metadata.resourceVersion}, which is the key's {@code
 * modRevision} and set again on every read (as kube-apiserver's etcd3 store does), at the place
 * upstream's encoding puts it ({@link FieldOrder#putResourceVersion}): the registry stores objects
 * in upstream's field order, so what is read back is in that order too. Stateless.
 */
final class ObjectBytes {

  private ObjectBytes() {}

  /** Decodes a stored version, setting its {@code resourceVersion}. */
  static Unstructured read(KeyValue kv) {
    return read(kv.value(), kv.modRevision());
  }

  static Unstructured read(byte[] value, long revision) {
    BodyDecoder.Decoded d = BodyDecoder.decode(value, "application/json");
    if (!(d.value() instanceof Map<?, ?>)) {
      throw StatusException.internal("stored object is not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Unstructured u = Unstructured.wrap((Map<String, @Nullable Object>) d.value());
    FieldOrder.kubernetes133().putResourceVersion(u, Long.toString(revision));
    return u;
  }

  /**
   * What {@link #writeSlotted} puts where {@code resourceVersion} goes until the commit gives its
   * value: an object no decoded tree holds.
   */
  private static final Object RESOURCE_VERSION_SLOT = new Object() {
    @Override
    public String toString() {
      return "<resourceVersion to be assigned>";
    }
  };

  /**
   * Encodes {@code object} for storage as {@link #write} does, and leaves a placeholder in its
   * {@code metadata.resourceVersion}, at upstream's position, so that once the store has given the
   * revision the object as served is {@link GoJson.Slotted#fill} of the result: the registry
   * answers a create without encoding the object again. The caller must then {@link #settle} the
   * object, with the revision or without one.
   */
  static GoJson.Slotted writeSlotted(Unstructured object) {
    object.metadataForWrite().remove("resourceVersion");
    FieldOrder.kubernetes133().placeResourceVersion(object, RESOURCE_VERSION_SLOT);
    return GoJson.encodeWithSlot(object.object(), RESOURCE_VERSION_SLOT);
  }

  /**
   * Replaces the placeholder {@link #writeSlotted} left with {@code resourceVersion} (in place),
   * or removes it when null (the write did not happen).
   */
  static void settle(Unstructured object, @Nullable String resourceVersion) {
    Map<String, @Nullable Object> meta = object.metadataForWrite();
    if (meta.get("resourceVersion") == RESOURCE_VERSION_SLOT) {
      if (resourceVersion == null) {
        meta.remove("resourceVersion");
      } else {
        meta.put("resourceVersion", resourceVersion);
      }
    }
  }

  /** Encodes {@code object} for storage as it stands, leaving it unchanged. */
  static byte[] write(Unstructured object) {
    Map<String, @Nullable Object> meta = object.metadataForWrite();
    Object rv = meta.remove("resourceVersion");
    try {
      return GoJson.encode(object.object());
    } finally {
      if (rv instanceof String s) {
        FieldOrder.kubernetes133().putResourceVersion(object, s);
      } else if (rv != null) {
        meta.put("resourceVersion", rv);
      }
    }
  }
}
