package io.gatehouse.server.protobuf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message definition: its fields in Go declaration order (the order of the JSON form).
 * Immutable.
 *
 * @param qualifiedName {@code package.Message}
 * @param fields the fields in declaration order
 */
record MessageType(String qualifiedName, List<Field> fields, Map<Integer, Field> byNumber) {

  MessageType {
    fields = List.copyOf(fields);
    byNumber = Map.copyOf(byNumber);
  }

  static MessageType of(String qualifiedName, List<Field> fields) {
    Map<Integer, Field> byNumber = new HashMap<>();
    for (Field f : fields) {
      if (byNumber.put(f.number(), f) != null) {
        throw new IllegalStateException(qualifiedName + ": field number " + f.number() + " twice");
      }
    }
    return new MessageType(qualifiedName, fields, byNumber);
  }

  /** The Go type name, as upstream's decoding errors print it. */
  String goName() {
    return qualifiedName.substring(qualifiedName.indexOf('.') + 1);
  }

  @Nullable Field field(int number) {
    return byNumber.get(number);
  }
}
