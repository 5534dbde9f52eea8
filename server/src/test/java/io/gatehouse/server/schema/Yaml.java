package io.gatehouse.server.schema;

import io.gatehouse.api.codec.ValueDecoder;
import org.jspecify.annotations.Nullable;

/** Decodes YAML or JSON test data into the JSON tree the server works on. */
final class Yaml {

  private Yaml() {}

  static @Nullable Object value(String text) {
    ValueDecoder.Result r = ValueDecoder.decode("test", "---\n" + text);
    if (!r.errors().isEmpty()) {
      throw new IllegalArgumentException(r.errors().toString());
    }
    return r.value();
  }

  static JsonSchema schema(String text) {
    return JsonSchema.parse(value(text));
  }
}
