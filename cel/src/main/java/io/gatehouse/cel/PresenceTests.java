package io.gatehouse.cel;

import com.google.protobuf.MessageOrBuilder;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelMutableAst;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelMutableExpr;
import dev.cel.common.ast.CelMutableExprConverter;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableMutableAst;
import dev.cel.common.navigation.CelNavigableMutableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.exceptions.CelBadFormatException;
import dev.cel.runtime.CelFunctionBinding;
import io.gatehouse.cel.cost.RuntimeCostTracker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cel-go's presence test ({@code has(x.f)}) on an operand that is neither a map, a list nor a
 * message: cel-go answers {@code false} ({@code refQualify} in {@code interpreter/attributes.go}
 * treats every other value, {@code null} included, as lacking the field), where cel-java's runtime
 * fails. That matters for {@code has(params.x)} when a binding has no params, or {@code
 * has(object.spec.x)} when {@code spec} is JSON {@code null}.
 *
 * <p>The runtime AST wraps the operand of every presence test in a call of {@link #FUNCTION},
 * which passes maps, messages and optionals through unchanged, fails for lists with cel-go's text
 * (a field name is no list index) and turns every other value into {@code optional.none()}, for
 * which cel-java's presence test answers {@code false}. The
 * wrapping nodes get ids past the checked AST's, which the cost tracker does not charge (cel-go
 * has no such node), and which error wording ignores.
 *
 * <p>Stateless; thread-safe.
 */
final class PresenceTests {

  /** The runtime-only function wrapping presence-test operands. */
  static final String FUNCTION = RuntimeCostTracker.UNCHARGED_FUNCTION_PREFIX + "presence_operand";

  private static final String OVERLOAD = "gatehouse_presence_operand";

  /** The binding of {@link #FUNCTION}. */
  static final CelFunctionBinding BINDING =
      CelFunctionBinding.from(OVERLOAD, Object.class, PresenceTests::operand);

  private PresenceTests() {}

  /** Returns {@code checked} with every presence-test operand wrapped, or itself if it has none. */
  static CelAbstractSyntaxTree runtimeAst(CelAbstractSyntaxTree checked, long maxExprId) {
    boolean anyTest = CelNavigableAst.fromAst(checked).getRoot().allNodes()
        .anyMatch(n -> n.getKind() == CelExpr.ExprKind.Kind.SELECT && n.expr().select().testOnly());
    if (!anyTest) {
      return checked;
    }
    CelMutableAst mutable = CelMutableAst.fromCelAst(checked);
    List<CelMutableExpr> tests =
        CelNavigableMutableAst.fromAst(mutable).getRoot().allNodes()
            .map(CelNavigableMutableExpr::expr)
            .filter(e -> e.getKind() == CelExpr.ExprKind.Kind.SELECT && e.select().testOnly())
            .toList();
    if (tests.isEmpty()) {
      return checked;
    }
    Map<Long, CelReference> references = new HashMap<>(checked.getReferenceMap());
    Map<Long, CelType> types = new HashMap<>(checked.getTypeMap());
    long next = maxExprId + 1;
    for (CelMutableExpr test : tests) {
      long id = next++;
      CelMutableExpr operand = test.select().operand();
      test.select().setOperand(
          CelMutableExpr.ofCall(id, CelMutableExpr.CelMutableCall.create(FUNCTION, operand)));
      references.put(id, CelReference.newBuilder().addOverloadIds(OVERLOAD).build());
      types.put(id, SimpleType.DYN);
    }
    return CelAbstractSyntaxTree.newCheckedAst(
        CelMutableExprConverter.fromMutableExpr(mutable.expr()), checked.getSource(), references,
        types);
  }

  private static Object operand(Object value) {
    if (value instanceof List<?>) {
      // cel-go indexes a list with the field name, which is no valid index.
      throw new CelBadFormatException("unsupported index type 'string' in list");
    }
    if (value instanceof Map<?, ?> || value instanceof Optional<?>
        || value instanceof MessageOrBuilder) {
      return value;
    }
    return Optional.empty();
  }
}
