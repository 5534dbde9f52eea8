package io.gatehouse.cel;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.validator.CelAstValidator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * cel-go's {@code cel.ValidateHomogeneousAggregateLiterals()}: list elements and map keys and
 * values must have equivalent types (strictly: {@code dyn} does not match {@code string}). The
 * first mismatching list element and every mismatching map key or value are reported with
 * {@code expected type 'T' but found 'U'}. Literals that are, directly or through enclosing
 * literals, arguments of a {@code format} call are exempt, as cel-go exempts them for the strings
 * library.
 *
 * <p>Stateless; thread-safe.
 */
final class HomogeneousLiteralsValidator implements CelAstValidator {

  static final HomogeneousLiteralsValidator INSTANCE = new HomogeneousLiteralsValidator();

  private static final Set<String> EXEMPT_FUNCTIONS = Set.of("format");

  private HomogeneousLiteralsValidator() {}

  @Override
  public void validate(CelNavigableAst navigableAst, Cel cel, IssuesFactory issues) {
    CelAbstractSyntaxTree ast = navigableAst.getAst();
    List<CelNavigableExpr> nodes = navigableAst.getRoot().allNodes().toList();
    for (CelNavigableExpr node : nodes) {
      if (node.getKind() == Kind.LIST && !exempt(node)) {
        checkList(ast, node.expr(), issues);
      }
    }
    for (CelNavigableExpr node : nodes) {
      if (node.getKind() == Kind.MAP && !exempt(node)) {
        checkMap(ast, node.expr(), issues);
      }
    }
  }

  private static void checkList(CelAbstractSyntaxTree ast, CelExpr list, IssuesFactory issues) {
    Set<Integer> optional = new HashSet<>(list.list().optionalIndices());
    CelType first = null;
    List<CelExpr> elements = list.list().elements();
    for (int i = 0; i < elements.size(); i++) {
      CelType t = typeOf(ast, elements.get(i), optional.contains(i));
      if (first == null) {
        first = t;
      } else if (!equivalent(first, t)) {
        mismatch(issues, elements.get(i).id(), first, t);
        return;
      }
    }
  }

  private static void checkMap(CelAbstractSyntaxTree ast, CelExpr map, IssuesFactory issues) {
    CelType keyType = null;
    CelType valueType = null;
    for (CelExpr.CelMap.Entry entry : map.map().entries()) {
      CelType kt = typeOf(ast, entry.key(), false);
      CelType vt = typeOf(ast, entry.value(), entry.optionalEntry());
      if (keyType == null) {
        keyType = kt;
        valueType = vt;
        continue;
      }
      if (!equivalent(keyType, kt)) {
        mismatch(issues, entry.key().id(), keyType, kt);
      }
      if (!equivalent(valueType, vt)) {
        mismatch(issues, entry.value().id(), valueType, vt);
      }
    }
  }

  private static CelType typeOf(CelAbstractSyntaxTree ast, CelExpr e, boolean optional) {
    CelType t = ast.getTypeOrThrow(e.id());
    return optional && !t.parameters().isEmpty() ? t.parameters().get(0) : t;
  }

  /** cel-go's {@code Type.IsEquivalentType}. */
  private static boolean equivalent(CelType a, CelType b) {
    if (a.kind() != b.kind() || a.parameters().size() != b.parameters().size()) {
      return false;
    }
    if ((a.kind() == CelKind.STRUCT || a.kind() == CelKind.OPAQUE) && !a.name().equals(b.name())) {
      return false;
    }
    for (int i = 0; i < a.parameters().size(); i++) {
      if (!equivalent(a.parameters().get(i), b.parameters().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean exempt(CelNavigableExpr literal) {
    Optional<CelNavigableExpr> parent = literal.parent();
    if (parent.isEmpty()) {
      return false;
    }
    CelNavigableExpr p = parent.get();
    if (p.getKind() == Kind.CALL && EXEMPT_FUNCTIONS.contains(p.expr().call().function())) {
      return true;
    }
    return (p.getKind() == Kind.LIST || p.getKind() == Kind.MAP) && exempt(p);
  }

  private static void mismatch(IssuesFactory issues, long id, CelType expected, CelType actual) {
    issues.addError(
        id,
        "expected type '" + CelTypes.format(expected) + "' but found '"
            + CelTypes.format(actual) + "'");
  }
}
