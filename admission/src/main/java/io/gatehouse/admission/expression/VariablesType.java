package io.gatehouse.admission.expression;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@code kubernetes.variables} type of one policy: a field per variable, typed from the
 * variable's compiled expression, each field visible only once its variable has been compiled, so
 * that an expression can refer to earlier variables only (upstream's {@code compositionState}).
 *
 * <p>Declared variables are added while the policy compiles, from one thread; afterwards the type
 * is read-only and safe to share.
 */
public final class VariablesType {

  /** The type of a policy without variables. */
  public static final StructType EMPTY =
      StructType.create(AdmissionTypes.VARIABLES_TYPE_NAME, ImmutableSet.of(), f -> Optional.empty());

  private final Map<String, CelType> declared = new ConcurrentHashMap<>();
  private final StructType type;

  /** Creates the type for variables named {@code names} (in policy order), none declared yet. */
  public VariablesType(List<String> names) {
    this.type =
        StructType.create(
            AdmissionTypes.VARIABLES_TYPE_NAME,
            ImmutableSet.copyOf(names),
            f -> Optional.ofNullable(declared.get(f)));
  }

  /** Returns the struct type to declare as {@code variables}. */
  public StructType type() {
    return type;
  }

  /**
   * Makes variable {@code name} visible with the type upstream derives from its expression's
   * output type (null when it failed to compile: {@code dyn}).
   */
  public void declare(String name, @Nullable CelType outputType) {
    declared.put(name, fieldType(outputType));
  }

  /**
   * Converts an expression's output type as upstream's {@code convertCelTypeToDeclType}: scalar
   * types stay, lists and maps convert their parameters, anything else becomes {@code dyn}.
   */
  static CelType fieldType(@Nullable CelType type) {
    if (type == null) {
      return SimpleType.DYN;
    }
    return switch (type.kind()) {
      case ANY, BOOL, BYTES, DOUBLE, DURATION, INT, NULL_TYPE, STRING, TIMESTAMP, UINT -> type;
      case LIST ->
          type.parameters().size() == 1
              ? ListType.create(fieldType(type.parameters().get(0)))
              : SimpleType.DYN;
      case MAP ->
          type.parameters().size() == 2
              ? MapType.create(
                  fieldType(type.parameters().get(0)), fieldType(type.parameters().get(1)))
              : SimpleType.DYN;
      default -> SimpleType.DYN;
    };
  }
}
