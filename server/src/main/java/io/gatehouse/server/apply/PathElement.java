package io.gatehouse.server.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.api.GoQuote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One step of a field path (upstream's {@code fieldpath.PathElement}): a field name, the key of an
 * associative-list item, the value of a set item, or the index of an item of a non-associative
 * list. Elements are totally ordered as upstream orders them (names, then keys, values, indexes),
 * which is the order of {@code FieldsV1} keys. Immutable.
 */
sealed interface PathElement extends Comparable<PathElement> {

  /** A field of a map or struct; serialized {@code f:<name>}, printed {@code .<name>}. */
  record FieldName(String name) implements PathElement {}

  /**
   * An associative-list item by its key fields, sorted by name; serialized {@code k:{…}}, printed
   * {@code [name="x",port=80]}.
   */
  record Key(List<KeyField> fields) implements PathElement {
    public Key {
      List<KeyField> sorted = new ArrayList<>(fields);
      sorted.sort(Comparator.comparing(KeyField::name, GoQuote::compare));
      fields = List.copyOf(sorted);
    }
  }

  /** A set item by its value; serialized {@code v:<json>}, printed {@code [=<value>]}. */
  record Value(@Nullable Object value) implements PathElement {}

  /** A list item by index; serialized {@code i:<n>}, printed {@code [<n>]}. */
  record Index(int index) implements PathElement {}

  /** One field of a key. */
  record KeyField(String name, @Nullable Object value) {}

  private int rank() {
    return switch (this) {
      case FieldName f -> 0;
      case Key k -> 1;
      case Value v -> 2;
      case Index i -> 3;
    };
  }

  @Override
  default int compareTo(PathElement o) {
    int r = Integer.compare(rank(), o.rank());
    if (r != 0) {
      return r;
    }
    return switch (this) {
      case FieldName f -> GoQuote.compare(f.name(), ((FieldName) o).name());
      case Key k -> compareKeys(k.fields(), ((Key) o).fields());
      case Value v -> Values.compare(v.value(), ((Value) o).value());
      case Index i -> Integer.compare(i.index(), ((Index) o).index());
    };
  }

  private static int compareKeys(List<KeyField> a, List<KeyField> b) {
    for (int i = 0; ; i++) {
      if (i >= a.size() || i >= b.size()) {
        return Integer.compare(a.size(), b.size());
      }
      int c = GoQuote.compare(a.get(i).name(), b.get(i).name());
      if (c == 0) {
        c = Values.compare(a.get(i).value(), b.get(i).value());
      }
      if (c != 0) {
        return c;
      }
    }
  }

  /** Returns upstream's {@code PathElement.String()} form. */
  default String text() {
    return switch (this) {
      case FieldName f -> "." + f.name();
      case Key k -> {
        List<String> parts = new ArrayList<>();
        k.fields().forEach(f -> parts.add(f.name() + "=" + Values.goString(f.value())));
        yield "[" + String.join(",", parts) + "]";
      }
      case Value v -> "[=" + Values.goString(v.value()) + "]";
      case Index i -> "[" + i.index() + "]";
    };
  }

  /** Returns the {@code FieldsV1} key of this element. */
  default String serialized() {
    return switch (this) {
      case FieldName f -> "f:" + f.name();
      case Key k -> {
        StringBuilder sb = new StringBuilder("k:{");
        boolean first = true;
        for (KeyField f : k.fields()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          Values.jsonString(sb, f.name());
          sb.append(':').append(Values.json(f.value(), true));
        }
        yield sb.append('}').toString();
      }
      case Value v -> "v:" + Values.json(v.value(), true);
      case Index i -> "i:" + i.index();
    };
  }

  /** Thrown for a {@code FieldsV1} key this version does not know (upstream skips those). */
  final class UnknownKindException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownKindException() {
      super("unknown path element type");
    }
  }

  /**
   * Parses a {@code FieldsV1} key.
   *
   * @throws UnknownKindException for an unknown element type
   * @throws IllegalArgumentException for a malformed key
   */
  static PathElement parse(String s) {
    if (s.length() < 2) {
      throw new IllegalArgumentException("key must be 2 characters long:");
    }
    if (s.charAt(1) != ':') {
      throw new IllegalArgumentException("missing colon: " + s);
    }
    String body = s.substring(2);
    return switch (s.charAt(0)) {
      case 'f' -> new FieldName(body);
      case 'v' -> new Value(Json.read(body));
      case 'k' -> {
        if (!(Json.read(body) instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("key is not a JSON object: " + body);
        }
        List<KeyField> fields = new ArrayList<>();
        m.forEach((k, v) -> fields.add(new KeyField(String.valueOf(k), v)));
        yield new Key(fields);
      }
      case 'i' -> {
        try {
          yield new Index(Integer.parseInt(body));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("invalid index: " + body, e);
        }
      }
      default -> throw new UnknownKindException();
    };
  }

  /** JSON values in normal form (integers {@code Long}, other numbers {@code Double}). */
  final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static @Nullable Object read(String json) {
      try {
        return normalize(MAPPER.readValue(json, Object.class));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e.getOriginalMessage(), e);
      }
    }

    static @Nullable Object normalize(@Nullable Object v) {
      if (v instanceof Map<?, ?> m) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
        return out;
      }
      if (v instanceof List<?> l) {
        List<@Nullable Object> out = new ArrayList<>();
        l.forEach(x -> out.add(normalize(x)));
        return out;
      }
      if (v instanceof Integer || v instanceof Long || v instanceof Short) {
        return ((Number) v).longValue();
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      return v;
    }
  }
}
