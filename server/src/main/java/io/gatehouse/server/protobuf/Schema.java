package io.gatehouse.server.protobuf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The message tables: every message definition and which message each {@code apiVersion}/{@code
 * kind} is encoded as. Read from the class path resources listed in {@link #FILES} (syntax in
 * {@code README.txt}); every type a field names must be defined. Immutable; thread-safe.
 */
final class Schema {

  /** The table files, in load order. */
  static final List<String> FILES = List.of("meta.txt", "core.txt", "apps.txt", "batch.txt",
      "rbac.txt", "scheduling.txt", "policy.txt", "networking.txt", "autoscaling.txt",
      "authentication.txt", "authorization.txt", "certificates.txt");

  private static final Schema BUILTIN = load();

  private final Map<String, MessageType> messages;
  private final Map<String, String> kinds;

  private Schema(Map<String, MessageType> messages, Map<String, String> kinds) {
    this.messages = Map.copyOf(messages);
    this.kinds = Map.copyOf(kinds);
  }

  /** The tables shipped with Gatehouse. */
  static Schema builtin() {
    return BUILTIN;
  }

  /** Returns the message {@code apiVersion}/{@code kind} is encoded as. */
  Optional<MessageType> forKind(String apiVersion, String kind) {
    String name = kinds.get(apiVersion + " " + kind);
    return name == null ? Optional.empty() : Optional.of(messages.get(name));
  }

  /** Returns the message named {@code qualifiedName}. @throws IllegalStateException if unknown */
  MessageType message(String qualifiedName) {
    MessageType m = messages.get(qualifiedName);
    if (m == null) {
      throw new IllegalStateException("no message " + qualifiedName);
    }
    return m;
  }

  /** The number of message definitions. */
  int size() {
    return messages.size();
  }

  private static Schema load() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String file : FILES) {
      try (InputStream in = Schema.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException("missing class path resource " + file);
        }
        texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }
    return parse(texts);
  }

  /**
   * Parses table texts keyed by file name.
   *
   * @throws IllegalStateException with {@code file:line: reason} for malformed tables
   */
  static Schema parse(Map<String, String> texts) {
    record RawField(String where, String pkg, String[] words) {}
    Map<String, List<RawField>> raw = new LinkedHashMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : texts.entrySet()) {
      String pkg = null;
      String message = null;
      int lineNo = 0;
      for (String line : file.getValue().split("\n")) {
        lineNo++;
        String where = file.getKey() + ":" + lineNo;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] w = text.split("\\s+");
        switch (w[0]) {
          case "package" -> {
            pkg = w[1];
            message = null;
          }
          case "kind" -> {
            requireState(pkg != null && (w.length == 3 || w.length == 4), where, "bad kind line");
            kinds.put(w[1] + " " + w[2], pkg + "." + (w.length == 4 ? w[3] : w[2]));
          }
          case "message" -> {
            requireState(pkg != null && w.length == 2, where, "bad message line");
            message = pkg + "." + w[1];
            requireState(raw.put(message, new ArrayList<>()) == null, where, "duplicate message");
          }
          default -> {
            requireState(message != null && w.length >= 3, where, "field outside a message");
            raw.get(message).add(new RawField(where, pkg, w));
          }
        }
      }
    }
    Map<String, MessageType> messages = new LinkedHashMap<>();
    for (Map.Entry<String, List<RawField>> m : raw.entrySet()) {
      List<Field> fields = new ArrayList<>();
      for (RawField f : m.getValue()) {
        fields.add(field(f.where(), f.pkg(), f.words(), raw.keySet()));
      }
      messages.put(m.getKey(), MessageType.of(m.getKey(), fields));
    }
    for (Map.Entry<String, String> k : kinds.entrySet()) {
      requireState(messages.containsKey(k.getValue()), k.getKey(), "no message " + k.getValue());
    }
    return new Schema(messages, kinds);
  }

  private static Field field(String where, String pkg, String[] w,
      java.util.Set<String> defined) {
    int number;
    try {
      number = Integer.parseInt(w[0]);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(where + ": bad field number " + w[0]);
    }
    String type = w[2];
    Field.Cardinality cardinality = Field.Cardinality.SINGLE;
    if (type.startsWith("[]")) {
      cardinality = Field.Cardinality.REPEATED;
      type = type.substring(2);
    } else if (type.startsWith("map:")) {
      cardinality = Field.Cardinality.MAP;
      type = type.substring(4);
    }
    Field.Presence presence = Field.Presence.ALWAYS;
    boolean inline = false;
    for (int i = 3; i < w.length; i++) {
      switch (w[i]) {
        case "~" -> presence = Field.Presence.OMIT_EMPTY;
        case "?" -> presence = Field.Presence.POINTER;
        case "?!" -> presence = Field.Presence.POINTER_OR_NULL;
        case "inline" -> inline = true;
        default -> throw new IllegalStateException(where + ": unknown flag " + w[i]);
      }
    }
    FieldType resolved = FieldType.Builtin.named(type);
    if (resolved == null) {
      String qualified = type.contains(":") ? type.replace(':', '.') : pkg + "." + type;
      requireState(defined.contains(qualified), where, "unknown type " + type);
      resolved = new FieldType.Message(qualified);
    }
    requireState(!inline || resolved instanceof FieldType.Message, where, "inline scalar");
    return new Field(number, w[1], resolved, cardinality, presence, inline);
  }

  private static void requireState(boolean ok, String where, String reason) {
    if (!ok) {
      throw new IllegalStateException(where + ": " + reason);
    }
  }
}
