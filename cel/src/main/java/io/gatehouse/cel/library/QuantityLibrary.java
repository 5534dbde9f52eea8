package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.api.resource.Quantity;
import io.gatehouse.api.resource.QuantityFormat;
import io.gatehouse.api.resource.QuantityFormatException;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.OptionalLong;

/**
 * The {@code kubernetes.quantity} library (Kubernetes 1.28+): {@code quantity(string)}, {@code
 * isQuantity(string)}, the global {@code sign(Quantity)}, and the members {@code isInteger}, {@code
 * asInteger}, {@code asApproximateFloat}, {@code add}, {@code sub}, {@code compareTo}, {@code
 * isGreaterThan} and {@code isLessThan} on the type {@code kubernetes.Quantity}.
 *
 * <p>{@code sign} is declared as a global function only, as upstream does, so {@code q.sign()}
 * does not compile (cel-go and cel-java both require the call style to match). Errors carry
 * apimachinery's parse messages and {@code cannot convert value to integer}. See {@link
 * CelQuantity} for the upstream aliasing and equality rules the values follow.
 *
 * <p>Overload ids: {@code string_to_quantity}, {@code is_quantity_string}, {@code quantity_sign},
 * {@code quantity_is_greater_than}, {@code quantity_is_less_than}, {@code quantity_compare_to},
 * {@code quantity_get_float}, {@code quantity_get_int}, {@code quantity_is_integer}, {@code
 * quantity_add}, {@code quantity_add_int}, {@code quantity_sub}, {@code quantity_sub_int}.
 *
 * <p>Immutable singleton; thread-safe.
 */
public final class QuantityLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final QuantityLibrary INSTANCE = new QuantityLibrary();

  /** The CEL type {@code kubernetes.Quantity}. */
  public static final OpaqueType QUANTITY_TYPE = OpaqueType.create("kubernetes.Quantity");

  private QuantityLibrary() {}

  @Override
  public String name() {
    return "kubernetes.quantity";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {
    OpaqueType q = QUANTITY_TYPE;
    checkerBuilder.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            "quantity",
            CelOverloadDecl.newGlobalOverload("string_to_quantity", q, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "isQuantity",
            CelOverloadDecl.newGlobalOverload(
                "is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "sign", CelOverloadDecl.newGlobalOverload("quantity_sign", SimpleType.INT, q)),
        member("isGreaterThan", "quantity_is_greater_than", SimpleType.BOOL, q),
        member("isLessThan", "quantity_is_less_than", SimpleType.BOOL, q),
        member("compareTo", "quantity_compare_to", SimpleType.INT, q),
        member("asApproximateFloat", "quantity_get_float", SimpleType.DOUBLE),
        member("asInteger", "quantity_get_int", SimpleType.INT),
        member("isInteger", "quantity_is_integer", SimpleType.BOOL),
        CelFunctionDecl.newFunctionDeclaration(
            "add",
            CelOverloadDecl.newMemberOverload("quantity_add", q, q, q),
            CelOverloadDecl.newMemberOverload("quantity_add_int", q, q, SimpleType.INT)),
        CelFunctionDecl.newFunctionDeclaration(
            "sub",
            CelOverloadDecl.newMemberOverload("quantity_sub", q, q, q),
            CelOverloadDecl.newMemberOverload("quantity_sub_int", q, q, SimpleType.INT)));
  }

  private static CelFunctionDecl member(
      String function, String overloadId, CelType result, CelType... args) {
    CelType[] params = new CelType[args.length + 1];
    params[0] = QUANTITY_TYPE;
    System.arraycopy(args, 0, params, 1, args.length);
    return CelFunctionDecl.newFunctionDeclaration(
        function, CelOverloadDecl.newMemberOverload(overloadId, result, params));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    runtimeBuilder.addFunctionBindings(
        CelFunctionBinding.from("string_to_quantity", String.class, QuantityLibrary::parse),
        CelFunctionBinding.from("is_quantity_string", String.class, QuantityLibrary::isQuantity),
        CelFunctionBinding.from(
            "quantity_sign", CelQuantity.class, q -> (long) q.current().signum()),
        CelFunctionBinding.from(
            "quantity_is_greater_than",
            CelQuantity.class,
            CelQuantity.class,
            (a, b) -> a.compareTo(b) == 1),
        CelFunctionBinding.from(
            "quantity_is_less_than",
            CelQuantity.class,
            CelQuantity.class,
            (a, b) -> a.compareTo(b) == -1),
        CelFunctionBinding.from(
            "quantity_compare_to",
            CelQuantity.class,
            CelQuantity.class,
            (a, b) -> (long) Integer.signum(a.compareTo(b))),
        CelFunctionBinding.from(
            "quantity_get_float", CelQuantity.class, q -> q.current().asApproximateFloat64()),
        CelFunctionBinding.from("quantity_get_int", CelQuantity.class, QuantityLibrary::asInteger),
        CelFunctionBinding.from(
            "quantity_is_integer", CelQuantity.class, q -> q.current().asInt64().isPresent()),
        CelFunctionBinding.from(
            "quantity_add", CelQuantity.class, CelQuantity.class, (a, b) -> a.add(b.current())),
        CelFunctionBinding.from(
            "quantity_add_int", CelQuantity.class, Long.class, (a, b) -> a.add(fromInt(b))),
        CelFunctionBinding.from(
            "quantity_sub", CelQuantity.class, CelQuantity.class, (a, b) -> a.sub(b.current())),
        CelFunctionBinding.from(
            "quantity_sub_int", CelQuantity.class, Long.class, (a, b) -> a.sub(fromInt(b))));
  }

  private static CelQuantity parse(String s) {
    try {
      return CelQuantity.parsed(Quantity.parse(s));
    } catch (QuantityFormatException e) {
      throw new StandardFunctionException(e.getMessage());
    }
  }

  private static boolean isQuantity(String s) {
    try {
      Quantity.parse(s);
      return true;
    } catch (QuantityFormatException e) {
      return false;
    }
  }

  private static long asInteger(CelQuantity q) {
    OptionalLong v = q.current().asInt64();
    if (v.isEmpty()) {
      throw new StandardFunctionException("cannot convert value to integer");
    }
    return v.getAsLong();
  }

  /** An int operand as upstream converts it: {@code resource.NewQuantity(i, DecimalExponent)}. */
  private static Quantity fromInt(long i) {
    return Quantity.of(i, QuantityFormat.DECIMAL_EXPONENT);
  }
}
