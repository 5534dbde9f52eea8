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
