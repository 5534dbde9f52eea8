package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import io.gatehouse.server.apply.SchemaType.Relationship;
import io.gatehouse.server.apply.SchemaType.Union;
import io.gatehouse.server.apply.SchemaType.Untyped;
import io.gatehouse.server.apply.SchemaType.UntypedKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences in apply semantics between a type {@link BuiltinApplySchema} transcribes and
 * the type {@link OpenApiTypes} derives from the OpenAPI definitions: list relationships and keys,
 * key defaults, map and struct atomicity, maps against structs. Where the transcription leaves a
 * field out ({@code UNTYPED_OPEN}: a granular struct whose lists are atomic), the derived type
 * must have nothing but such defaults below it. Key defaults are compared only where the
 * definitions have any (Gatehouse's definitions carry no {@code default}s); {@code present} (Go's
 * non-pointer structs) and scalar kinds are not compared. Test-only; not thread-safe.
 */
final class SchemaDifferences {

  private final List<String> out = new ArrayList<>();
  private final Set<Object> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Returns the differences under {@code path}, one line each, sorted. */
  static List<String> of(String path, SchemaType transcribed, SchemaType derived) {
    SchemaDifferences d = new SchemaDifferences();
    d.compare(path, transcribed, derived);
    return List.copyOf(new TreeSet<>(d.out));
  }

  private void compare(String path, SchemaType transcribed, SchemaType derived) {
    SchemaType t = Atoms.deref(transcribed);
    SchemaType g = Atoms.deref(derived);
    if (t instanceof Untyped u && u.kind() == UntypedKind.OPEN) {
      defaultsOnly(path, g);
      return;
    }
    if (t instanceof Untyped || g instanceof Untyped || t instanceof Union || g instanceof Union) {
      if (!t.equals(g)) {
        out.add(path + ": transcribed " + describe(t) + ", derived " + describe(g));
      }
      return;
    }
    switch (t) {
      case ListType tl -> {
        if (!(g instanceof ListType gl)) {
          out.add(path + ": transcribed " + describe(t) + ", derived " + describe(g));
          return;
        }
        if (tl.relationship() != gl.relationship() || !tl.keys().equals(gl.keys())) {
          out.add(path + ": transcribed " + describe(t) + ", derived " + describe(g));
          return;
        }
        if (!gl.keyDefaults().isEmpty() && !tl.keyDefaults().equals(gl.keyDefaults())) {
          out.add(path + ": key defaults transcribed " + tl.keyDefaults() + ", derived "
              + gl.keyDefaults());
        }
        if (tl.relationship() != Relationship.ATOMIC) {
          compare(path + "[]", tl.element(), gl.element());
        }
      }
      case MapType tm -> {
        if (!(g instanceof MapType gm)) {
          out.add(path + ": transcribed " + describe(t) + ", derived " + describe(g));
          return;
        }
        if (tm.atomic() != gm.atomic()) {
          out.add(path + ": transcribed " + describe(t) + ", derived " + describe(g));
          return;
        }
        if (tm.atomic()) {
          return;
        }
        if (tm.elementType() != null) {
          if (gm.elementType() == null || !gm.fields().isEmpty()) {
            out.add(path + ": transcribed " + describe(t) + ", derived " + describe(g));
          } else {
            compare(path + ".*", tm.elementType(), gm.elementType());
          }
          return;
        }
        if (gm.fields().isEmpty() && gm.elementType() != null) {
          out.add(path + ": transcribed " + describe(t) + ", derived " + describe(g));
          return;
        }
        tm.fields().forEach((k, v) -> {
          SchemaType gf = gm.fields().get(k);
          if (gf == null) {
            out.add(path + "." + k + ": transcribed " + describe(Atoms.deref(v))
                + ", not in the definition");
          } else {
            compare(path + "." + k, v, gf);
          }
        });
        gm.fields().forEach((k, v) -> {
          if (!tm.fields().containsKey(k)) {
            defaultsOnly(path + "." + k, v);
          }
        });
      }
      default -> {
        if (!(g instanceof SchemaType.Scalar)) {
          out.add(path + ": transcribed scalar, derived " + describe(g));
        }
      }
    }
  }

  /** Checks that a field the transcription leaves out has only default semantics. */
  private void defaultsOnly(String path, SchemaType derived) {
    SchemaType g = Atoms.deref(derived);
    if (!inProgress.add(g)) {
      return;
    }
    try {
      defaultsOnly(path, g, 0);
    } finally {
      inProgress.remove(g);
    }
  }

  private void defaultsOnly(String path, SchemaType g, int unused) {
    switch (g) {
      case ListType l -> {
        if (l.relationship() != Relationship.ATOMIC) {
          out.add(path + ": transcribed untyped (atomic if a list), derived " + describe(g));
        }
      }
      case MapType m -> {
        if (m.atomic() || m.elementType() != null && m.fields().isEmpty()) {
          out.add(path + ": transcribed untyped (granular struct if a map), derived "
              + describe(g));
          return;
        }
        m.fields().forEach((k, v) -> defaultsOnly(path + "." + k, v));
      }
      case SchemaType.Scalar s -> { }
      default -> out.add(path + ": transcribed untyped (open struct), derived " + describe(g));
    }
  }

  static String describe(SchemaType t) {
    return switch (Atoms.deref(t)) {
      case ListType l -> switch (l.relationship()) {
        case ATOMIC -> "atomic list";
        case SEPARABLE -> "list by index";
        case ASSOCIATIVE -> l.keys().isEmpty() ? "set" : "list map " + l.keys();
      };
      case MapType m -> m.atomic() ? (m.fields().isEmpty() && m.elementType() != null
          ? "atomic map" : "atomic struct")
          : m.fields().isEmpty() && m.elementType() != null ? "granular map" : "struct";
      case Untyped u -> "untyped " + u.kind();
      case Union u -> "scalar, list or map";
      default -> "scalar";
    };
  }
}
