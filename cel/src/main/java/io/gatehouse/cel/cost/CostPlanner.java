package io.gatehouse.cel.cost;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link CostPlan}: decides, node by node, what cel-go's {@code CostObserver} charges for
 * the interpretable cel-go would plan for that node.
 *
 * <p>cel-go does not charge per AST node but per planned step, and three planner facts make the
 * difference visible: (1) identifiers, selects and indexes fold into one <em>attribute</em> whose
 * evaluation costs 1 plus 1 per qualifier — but an attribute used as an index key or as a ternary
 * branch is resolved without being evaluated, so its root costs nothing; a select or index on a
 * non-attribute (a call result, a literal) builds a relative attribute that costs one more; (2)
 * with {@code OptOptimize}, constant list and map literals and conversions of constants are folded
 * to constants and {@code x in [constants]} becomes a set lookup, all free; (3) {@code &&}, {@code
 * ||}, {@code ?:}, comprehensions and optional {@code or}/{@code orValue} are not calls and cost
 * nothing themselves.
 *
 * <p>Not thread-safe; used once.
 */
final class CostPlanner {

  private static final Set<String> CONVERSIONS =
      Set.of(
          "bool", "bytes", "double", "duration", "dyn", "int", "string", "timestamp", "type",
          "uint");
  private static final Set<String> INDEXES = Set.of("_[_]", "_[?_]", "_?._");
  private static final Set<String> UNSIZED_TYPES =
      Set.of(
          "kubernetes.URL", "kubernetes.Quantity", "kubernetes.NamedFormat", "kubernetes.Semver",
          "net.IP", "net.CIDR");

  private final CelAbstractSyntaxTree ast;
  private final CostModel model;
  private final long[] fixed;
  private final CallFormula[] formula;
  private final int[][] args;
  private final boolean[] keep;
  private final int[] optionalSelectOf;
  private final int[] parent;
  private final byte[] constness;

  CostPlanner(CelAbstractSyntaxTree ast, CostModel model) {
    this.ast = ast;
    this.model = model;
    int size = (int) maxId(ast.getExpr()) + 1;
    this.fixed = new long[size];
    this.formula = new CallFormula[size];
    this.args = new int[size][];
    this.keep = new boolean[size];
    this.optionalSelectOf = new int[size];
    this.parent = new int[size];
    this.constness = new byte[size];
  }

  CostPlan plan() {
    visit(ast.getExpr(), true);
    return new CostPlan(fixed, formula, args, keep, optionalSelectOf, parent, model.optionalSize());
  }

  /**
   * Plans {@code e}.
   *
   * @param rootCharged for an attribute, whether the attribute this node belongs to is evaluated
   *     (its root charged) rather than resolved by an enclosing index or ternary
   */
  private void visit(CelExpr e, boolean rootCharged) {
    int id = (int) e.id();
    switch (e.exprKind().getKind()) {
      case CONSTANT, NOT_SET -> {}
      case IDENT -> fixed[id] = isConstant(e) || !rootCharged ? 0 : 1;
      case SELECT -> visitSelect(e, rootCharged);
      case CALL -> visitCall(e, rootCharged);
      case LIST -> {
        fixed[id] = isConstant(e) ? 0 : CostFactors.LIST_CREATE_BASE;
        for (CelExpr element : e.list().elements()) {
          child(e, element, true);
        }
      }
      case MAP -> {
        fixed[id] = isConstant(e) ? 0 : CostFactors.MAP_CREATE_BASE;
        for (var entry : e.map().entries()) {
          child(e, entry.key(), true);
          child(e, entry.value(), true);
        }
      }
      case STRUCT -> {
        fixed[id] = CostFactors.STRUCT_CREATE_BASE;
        for (var entry : e.struct().entries()) {
          child(e, entry.value(), true);
        }
      }
      case COMPREHENSION -> {
        var c = e.comprehension();
        for (CelExpr part :
            List.of(c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(), c.result())) {
          child(e, part, true);
        }
      }
    }
  }

  private void child(CelExpr parentExpr, CelExpr child, boolean rootCharged) {
    parent[(int) child.id()] = (int) parentExpr.id();
    visit(child, rootCharged);
  }

  private void visitSelect(CelExpr e, boolean rootCharged) {
    int id = (int) e.id();
    var select = e.select();
    CelExpr operand = select.operand();
    if (ast.getReference(e.id()).isPresent()) {
      // A qualified identifier: one attribute; the operand is never evaluated.
      fixed[id] = isConstant(e) || !rootCharged ? 0 : 1;
      free(e, operand);
      return;
    }
    long presence = model.presenceTestHasCost() ? 1 : 0;
    if (select.testOnly()) {
      boolean attribute = isAttribute(operand);
      child(e, operand, true);
      fixed[id] = presence + (attribute ? 0 : 1);
      return;
    }
    fixed[id] = qualify(e, operand, rootCharged);
  }

  /** Plans the operand of a qualifier node and returns the qualifier's own cost. */
  private long qualify(CelExpr e, CelExpr operand, boolean rootCharged) {
    if (isAttribute(operand)) {
      child(e, operand, rootCharged);
      return CostFactors.SELECT_AND_IDENT;
    }
    child(e, operand, true);
    return CostFactors.SELECT_AND_IDENT + (rootCharged ? 1 : 0);
  }

  private void visitCall(CelExpr e, boolean rootCharged) {
    int id = (int) e.id();
    var call = e.call();
    String function = call.function();
    List<CelExpr> callArgs = call.args();
    if (isConstant(e)) {
      for (CelExpr arg : callArgs) {
        free(e, arg);
      }
      return;
    }
    if (INDEXES.contains(function) && callArgs.size() == 2 && call.target().isEmpty()) {
      CelExpr operand = callArgs.get(0);
      CelExpr key = callArgs.get(1);
      fixed[id] = qualify(e, operand, rootCharged);
      child(e, key, !isAttribute(key));
      if (function.equals("_?._")) {
        optionalSelectOf[(int) operand.id()] = id;
      }
      return;
    }
    switch (function) {
      case "_?_:_" -> {
        child(e, callArgs.get(0), true);
        for (CelExpr branch : callArgs.subList(1, callArgs.size())) {
          child(e, branch, !isAttribute(branch));
        }
        return;
      }
      case "_&&_", "_||_" -> {
        for (CelExpr arg : callArgs) {
          child(e, arg, true);
        }
        return;
      }
      default -> {}
    }
    List<CelExpr> all = new ArrayList<>(callArgs.size() + 1);
    call.target().ifPresent(all::add);
    all.addAll(callArgs);
    for (CelExpr arg : all) {
      child(e, arg, true);
    }
    String overload = runtimeOverload(e);
    if (isShortCircuitOptional(function, overload, all.size())
        || isSetMembership(function, overload, callArgs)) {
      return;
    }
    CallCharge charge = CallCharge.select(function, overload, all.size(), model);
    if (charge.formula() == null) {
      fixed[id] = charge.fixed();
      return;
    }
    formula[id] = charge.formula();
    int[] ids = new int[Math.min(all.size(), 2)];
    for (int i = 0; i < ids.length; i++) {
      CelExpr arg = all.get(i);
      int argId = (int) arg.id();
      keep[argId] = true;
      ids[i] = isSized(arg) ? argId : ~argId;
    }
    args[id] = ids;
  }

  /** The overload cel-go's planner binds: the checker's only candidate, else dynamic (""). */
  private String runtimeOverload(CelExpr e) {
    List<String> ids =
        ast.getReference(e.id()).map(CelReference::overloadIds).map(List::copyOf).orElse(List.of());
    return ids.size() == 1 ? ids.get(0) : "";
  }

  /** cel-go plans {@code or}/{@code orValue} as short-circuiting steps, not calls. */
  private static boolean isShortCircuitOptional(String function, String overload, int argCount) {
    if (argCount != 2) {
      return false;
    }
    return switch (function) {
      case "or" -> overload.isEmpty() || overload.equals("optional_or_optional");
      case "orValue" -> overload.isEmpty() || overload.equals("optional_orValue_value");
      default -> false;
    };
  }

  private boolean isSetMembership(String function, String overload, List<CelExpr> callArgs) {
    if (!model.optimize() || !function.equals("@in") || !overload.equals("in_list")) {
      return false;
    }
    CelExpr list = callArgs.get(1);
    if (!isConstant(list) || list.exprKind().getKind() != CelExpr.ExprKind.Kind.LIST) {
      return false;
    }
    for (CelExpr element : list.list().elements()) {
      if (!isPrimitive(element)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a folded constant is a bool, int, uint, double or string (set-membership keys). */
  private boolean isPrimitive(CelExpr constant) {
    if (constant.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL
        && constant.call().function().equals("dyn")) {
      return isPrimitive(constant.call().args().get(0));
    }
    CelKind kind = type(constant).map(CelType::kind).orElse(CelKind.DYN);
    return switch (kind) {
      case BOOL, INT, UINT, DOUBLE, STRING -> true;
      default -> false;
    };
  }

  /**
   * Whether cel-go measures values of {@code arg}'s type. Kubernetes' library types (URL, Quantity,
   * IP, CIDR, NamedFormat, Semver, the authorization builders) are no {@code traits.Sizer}, so they
   * measure 1 whatever their Java representation; map-backed declared types (e.g. {@code
   * kubernetes.AdmissionRequest}) are measured like maps.
   */
  private boolean isSized(CelExpr arg) {
    Optional<CelType> type = type(arg);
    if (type.isEmpty()) {
      return true;
    }
    String name = type.get().name();
    return switch (type.get().kind()) {
      case OPAQUE -> name.equals("optional_type");
      case STRUCT -> !UNSIZED_TYPES.contains(name) && !name.startsWith("kubernetes.authorization.");
      default -> true;
    };
  }

  /** Marks a subtree cel-go never evaluates (folded or skipped) as free. */
  private void free(CelExpr parentExpr, CelExpr e) {
    parent[(int) e.id()] = (int) parentExpr.id();
    fixed[(int) e.id()] = 0;
    for (CelExpr child : children(e)) {
      free(e, child);
    }
  }

  /** Whether cel-go plans {@code e} as an attribute (InterpretableAttribute). */
  private boolean isAttribute(CelExpr e) {
    return switch (e.exprKind().getKind()) {
      case IDENT -> !isConstant(e);
      case SELECT -> !e.select().testOnly() && !isConstant(e);
      case CALL -> {
        String f = e.call().function();
        yield e.call().target().isEmpty() && (INDEXES.contains(f) || f.equals("_?_:_"));
      }
      default -> false;
    };
  }

  /** Whether cel-go's planner turns {@code e} into a constant (InterpretableConst). */
  boolean isConstant(CelExpr e) {
    int id = (int) e.id();
    if (constness[id] == 0) {
      constness[id] = computeConstant(e) ? (byte) 1 : (byte) 2;
    }
    return constness[id] == 1;
  }

  private boolean computeConstant(CelExpr e) {
    switch (e.exprKind().getKind()) {
      case CONSTANT -> {
        return true;
      }
      case IDENT, SELECT -> {
        Optional<CelReference> ref = ast.getReference(e.id());
        if (ref.isPresent() && ref.get().value().isPresent()) {
          return true;
        }
        boolean qualified = e.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT || ref.isPresent();
        return qualified && type(e).map(t -> t.kind() == CelKind.TYPE).orElse(false);
      }
      case LIST -> {
        return model.optimize() && e.list().elements().stream().allMatch(this::isConstant);
      }
      case MAP -> {
        return model.optimize()
            && e.map().entries().stream()
                .allMatch(en -> isConstant(en.key()) && isConstant(en.value()));
      }
      case CALL -> {
        if (!model.optimize()) {
          return false;
        }
        var call = e.call();
        if (call.target().isEmpty()
            && call.args().size() == 1
            && CONVERSIONS.contains(call.function())) {
          return isConstant(call.args().get(0));
        }
        // `x in []` folds to false without evaluating x.
        return call.function().equals("@in")
            && runtimeOverload(e).equals("in_list")
            && call.args().get(1).exprKind().getKind() == CelExpr.ExprKind.Kind.LIST
            && call.args().get(1).list().elements().isEmpty();
      }
      default -> {
        return false;
      }
    }
  }

  private Optional<CelType> type(CelExpr e) {
    return ast.getType(e.id());
  }

  static List<CelExpr> children(CelExpr e) {
    List<CelExpr> out = new ArrayList<>();
    switch (e.exprKind().getKind()) {
      case SELECT -> out.add(e.select().operand());
      case CALL -> {
        e.call().target().ifPresent(out::add);
        out.addAll(e.call().args());
      }
      case LIST -> out.addAll(e.list().elements());
      case MAP -> e.map().entries().forEach(en -> {
        out.add(en.key());
        out.add(en.value());
      });
      case STRUCT -> e.struct().entries().forEach(en -> out.add(en.value()));
      case COMPREHENSION -> {
        var c = e.comprehension();
        out.addAll(
            List.of(c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(), c.result()));
      }
      default -> {}
    }
    return out;
  }

  private static long maxId(CelExpr e) {
    long max = e.id();
    for (CelExpr c : children(e)) {
      max = Math.max(max, maxId(c));
    }
    return max;
  }
}
