package io.gatehouse.cel.cost;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * cel-go's static cost estimator ({@code checker/cost.go}, the {@code coster}) over a cel-java
 * checked AST, with Kubernetes' {@code EstimateCallCost} plugged in.
 *
 * <p>In {@code bound} mode it departs from cel-go where cel-go's estimate is not an upper bound of
 * cel-go's own runtime cost (see {@link CallEstimates}), so that the result bounds what {@link
 * RuntimeCostTracker} charges.
 *
 * <p>Not thread-safe; used once.
 */
final class Coster {

  private static final String ACCUMULATOR = "__result__";
  private static final String HIDDEN_ACCUMULATOR = "@result";

  private final CelAbstractSyntaxTree ast;
  private final SizeEstimator sizes;
  private final CallEstimates calls;
  private final boolean bound;
  private final long presenceTestCost;
  private final Map<Long, List<String>> paths = new HashMap<>();
  private final Map<Long, Range> computedSizes = new HashMap<>();
  private final Map<String, Deque<List<String>>> iterationPaths = new HashMap<>();

  Coster(CelAbstractSyntaxTree ast, CostModel model, SizeEstimator sizes, boolean bound) {
    this.ast = ast;
    this.sizes = sizes;
    this.bound = bound;
    this.presenceTestCost = model.presenceTestHasCost() ? 1 : 0;
    this.calls = new CallEstimates(this, model, bound);
  }

  Range estimate() {
    return cost(ast.getExpr());
  }

  private Range cost(CelExpr e) {
    return switch (e.exprKind().getKind()) {
      case CONSTANT, NOT_SET -> Range.fixed(CostFactors.CONST);
      case IDENT -> costIdent(e, e.ident().name());
      case SELECT -> costSelect(e);
      case CALL -> costCall(e);
      case LIST -> {
        Range sum = Range.ZERO;
        for (CelExpr element : e.list().elements()) {
          sum = sum.add(cost(element));
        }
        yield sum.add(Range.fixed(CostFactors.LIST_CREATE_BASE));
      }
      case MAP -> {
        Range sum = Range.ZERO;
        for (var entry : e.map().entries()) {
          sum = sum.add(cost(entry.key())).add(cost(entry.value()));
        }
        yield sum.add(Range.fixed(CostFactors.MAP_CREATE_BASE));
      }
      case STRUCT -> {
        Range sum = Range.ZERO;
        for (var entry : e.struct().entries()) {
          sum = sum.add(cost(entry.value()));
        }
        yield sum.add(Range.fixed(CostFactors.STRUCT_CREATE_BASE));
      }
      case COMPREHENSION -> costComprehension(e);
    };
  }

  private Range costIdent(CelExpr e, String name) {
    Deque<List<String>> scope = iterationPaths.get(name);
    if (scope != null && !scope.isEmpty()) {
      if (scope.peek() != null) {
        paths.put(e.id(), scope.peek());
      }
    } else {
      paths.put(e.id(), List.of(name));
    }
    return Range.fixed(CostFactors.SELECT_AND_IDENT);
  }

  private Range costSelect(CelExpr e) {
    var select = e.select();
    var ref = ast.getReference(e.id());
    if (ref.isPresent() && !select.testOnly()) {
      // cel-go's checker rewrites a qualified identifier into a single identifier.
      return costIdent(e, ref.get().name());
    }
    CelExpr operand = select.operand();
    Range relativeRoot = bound && !isAttribute(operand) ? Range.ONE : Range.ZERO;
    if (select.testOnly()) {
      return Range.fixed(presenceTestCost).add(cost(operand)).add(relativeRoot);
    }
    Range sum = cost(operand);
    CelKind kind = type(operand).kind();
    if (bound || kind == CelKind.MAP || kind == CelKind.STRUCT || kind == CelKind.TYPE_PARAM) {
      sum = sum.add(Range.fixed(CostFactors.SELECT_AND_IDENT));
    }
    addPath(e, path(operand), select.field());
    return sum.add(relativeRoot);
  }

  private Range costCall(CelExpr e) {
    var call = e.call();
    List<CelExpr> args = call.args();
    List<EstimateNode> argNodes = new ArrayList<>(args.size());
    List<Range> argCosts = new ArrayList<>(args.size());
    for (CelExpr arg : args) {
      argCosts.add(cost(arg));
      argNodes.add(node(arg));
    }
    List<String> overloads =
        ast.getReference(e.id()).map(CelReference::overloadIds).map(List::copyOf).orElse(List.of());
    if (overloads.isEmpty()) {
      return Range.ZERO;
    }
    Range sum = Range.ZERO;
    EstimateNode target = null;
    if (call.target().isPresent()) {
      sum = sum.add(cost(call.target().get()));
      target = node(call.target().get());
    }
    if (bound && isIndex(e) && !isAttribute(args.get(0))) {
      sum = sum.add(Range.ONE);
    }
    Range fnCost = Range.EMPTY_UNION;
    Range resultSize = null;
    for (String overload : overloads) {
      CallEstimates.Estimate est =
          calls.functionCost(call.function(), overload, target, argNodes, argCosts);
      fnCost = fnCost.union(est.cost());
      if (est.resultSize() != null) {
        resultSize = resultSize == null ? est.resultSize() : resultSize.union(est.resultSize());
      }
      switch (overload) {
        case "index_list" -> addPath(e, path(args.get(0)), "@items");
        case "index_map" -> addPath(e, path(args.get(0)), "@values");
        default -> {}
      }
    }
    if (resultSize != null) {
      computedSizes.put(e.id(), resultSize);
    }
    return sum.add(fnCost);
  }

  private Range costComprehension(CelExpr e) {
    var c = e.comprehension();
    CelExpr range = c.iterRange();
    Range sum = cost(range).add(cost(c.accuInit()));
    boolean twoVars = !c.iterVar2().isEmpty();
    CelKind kind = type(range).kind();
    push(c.iterVar(), iterationPath(range, kind, twoVars ? "@indices" : "@items", "@keys"));
    if (twoVars) {
      push(c.iterVar2(), iterationPath(range, kind, "@items", "@values"));
    }
    Range loopCost = cost(c.loopCondition());
    Range stepCost = cost(c.loopStep());
    pop(c.iterVar());
    if (twoVars) {
      pop(c.iterVar2());
    }
    sum = sum.add(cost(c.result()));
    Range rangeCount = sizeEstimate(node(range));
    computedSizes.put(e.id(), rangeCount);
    return sum.add(rangeCount.multiply(stepCost.add(loopCost)));
  }

  /** The path of an iteration variable; cel-go gives none when the range is not a list or map. */
  private @Nullable List<String> iterationPath(
      CelExpr range, CelKind kind, String listPart, String mapPart) {
    String part =
        switch (kind) {
          case LIST -> listPart;
          case MAP -> mapPart;
          // Bound mode: any element of a dyn value lies within the same variable.
          default -> bound ? listPart : null;
        };
    if (part == null) {
      return null;
    }
    return append(path(range), part);
  }

  private void push(String name, @Nullable List<String> path) {
    iterationPaths.computeIfAbsent(name, k -> new ArrayDeque<>()).push(path == null ? NO_PATH : path);
  }

  private void pop(String name) {
    iterationPaths.get(name).pop();
  }

  private static final List<String> NO_PATH = List.of();

  /** cel-go's {@code coster.sizeEstimate}: computed, then estimated, then 1 for scalars. */
  Range sizeEstimate(EstimateNode node) {
    if (node.computedSize() != null) {
      return node.computedSize();
    }
    Range estimated = estimateSize(node);
    if (estimated != null) {
      return estimated;
    }
    return isScalar(node.type()) ? Range.ONE : Range.UNKNOWN;
  }

  /** The estimator's size of {@code node} ({@code CostEstimator.EstimateSize}), or null. */
  @Nullable Range estimateSize(EstimateNode node) {
    return sizes.estimateSize(node.path(), node.type());
  }

  /** cel-go's {@code newAstNode}. */
  EstimateNode node(CelExpr e) {
    List<String> p = path(e);
    if (p != null && !p.isEmpty() && (p.get(0).equals(ACCUMULATOR)
        || p.get(0).equals(HIDDEN_ACCUMULATOR))) {
      p = null;
    }
    Range size = computedSizes.get(e.id());
    return new EstimateNode(p, type(e), e, size != null ? size : literalSize(e));
  }

  private static @Nullable Range literalSize(CelExpr e) {
    return switch (e.exprKind().getKind()) {
      case CONSTANT -> {
        var constant = e.constant();
        yield switch (constant.getKind()) {
          case STRING_VALUE -> {
            String s = constant.stringValue();
            yield Range.fixed(s.codePointCount(0, s.length()));
          }
          case BYTES_VALUE -> Range.fixed(constant.bytesValue().size());
          case NULL_VALUE, BOOLEAN_VALUE, INT64_VALUE, UINT64_VALUE, DOUBLE_VALUE,
              DURATION_VALUE, TIMESTAMP_VALUE -> Range.ONE;
          default -> null;
        };
      }
      case LIST -> Range.fixed(e.list().elements().size());
      case MAP -> Range.fixed(e.map().entries().size());
      default -> null;
    };
  }

  /** cel-go's {@code isScalar}: bool, double, duration, int, timestamp and uint. */
  static boolean isScalar(CelType type) {
    return switch (type.kind()) {
      case BOOL, DOUBLE, DURATION, INT, TIMESTAMP, UINT -> true;
      default -> false;
    };
  }

  CelType type(CelExpr e) {
    return ast.getType(e.id()).orElse(SimpleType.DYN);
  }

  private @Nullable List<String> path(CelExpr e) {
    List<String> p = paths.get(e.id());
    return p == NO_PATH ? null : p;
  }

  private void addPath(CelExpr e, @Nullable List<String> base, String part) {
    paths.put(e.id(), append(base, part));
  }

  private static List<String> append(@Nullable List<String> base, String part) {
    List<String> out = new ArrayList<>(base == null ? List.of() : base);
    out.add(part);
    return List.copyOf(out);
  }

  /** Whether cel-go plans {@code e} as an attribute (an identifier, select, index or ternary). */
  static boolean isAttribute(CelExpr e) {
    return switch (e.exprKind().getKind()) {
      case IDENT -> true;
      case SELECT -> !e.select().testOnly();
      case CALL -> isIndex(e) || e.call().function().equals("_?_:_");
      default -> false;
    };
  }

  static boolean isIndex(CelExpr e) {
    String f = e.call().function();
    return e.call().target().isEmpty()
        && (f.equals("_[_]") || f.equals("_[?_]") || f.equals("_?._"));
  }
}
