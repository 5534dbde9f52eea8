package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import io.gatehouse.server.apply.SchemaType.Named;
import io.gatehouse.server.apply.SchemaType.Union;
import io.gatehouse.server.apply.SchemaType.Untyped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A compact text of a {@link SchemaType} for table tests: {@code scalar}, {@code deduced}, {@code
 * untyped-atomic}, {@code atomic-list<E>}, {@code set<E>}, {@code list-map[k1,k2]{k2=TCP}<E>},
 * structs and maps as {@code {a:T,b:T|*:E}} (prefixed {@code atomic} when atomic), {@code
 * union(L,M)}; a named type already being written is its name (recursion). Test-only.
 */
final class TypeShape {

  private final Set<Named> open = new HashSet<>();

  static String of(SchemaType t) {
    return new TypeShape().write(t);
  }

  private String write(SchemaType t) {
    if (t instanceof Named n) {
      if (!open.add(n)) {
        return n.name();
      }
      try {
        return write(n.target());
      } finally {
        open.remove(n);
      }
    }
    return switch (t) {
      case ListType l -> switch (l.relationship()) {
        case ATOMIC -> "atomic-list<" + write(l.element()) + ">";
        case SEPARABLE -> "list<" + write(l.element()) + ">";
        case ASSOCIATIVE -> l.keys().isEmpty() ? "set<" + write(l.element()) + ">"
            : "list-map" + l.keys().toString().replace(" ", "")
                + new TreeMap<>(l.keyDefaults()) + "<" + write(l.element()) + ">";
      };
      case MapType m -> {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(m.fields()).forEach((k, v) -> parts.add(k + ":" + write(v)));
        String elements = m.elementType() == null ? "" : "|*:" + write(m.elementType());
        yield (m.atomic() ? "atomic" : "") + "{" + String.join(",", parts) + elements + "}";
      }
      case Union u -> "union(" + write(u.list()) + "," + write(u.map()) + ")";
      case Untyped u -> switch (u.kind()) {
        case DEDUCED -> "deduced";
        case ATOMIC -> "untyped-atomic";
        case OPEN -> "open";
      };
      default -> "scalar";
    };
  }
}
