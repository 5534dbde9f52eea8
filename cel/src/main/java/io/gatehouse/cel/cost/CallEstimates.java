package io.gatehouse.cel.cost;

import static io.gatehouse.cel.cost.CostFactors.REGEX_STRING_LENGTH;
import static io.gatehouse.cel.cost.CostFactors.STRING_TRAVERSAL;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The estimated cost of one call for one candidate overload: cel-go's {@code coster.functionCost}
 * — per-overload estimators ({@code ext.Sets}), then Kubernetes' {@code EstimateCallCost}, then
 * cel-go's defaults.
 *
 * <p>In bound mode three estimates are replaced because cel-go's runtime charges more than cel-go
 * estimates: {@code startsWith}/{@code endsWith} (runtime measures the receiver, the estimate the
 * argument), Kubernetes' {@code join} (runtime doubles the factor) and the list traversals
 * (runtime walks nested values and UTF-8 bytes); Kubernetes' model is used only when the runtime
 * charges it (strict cost).
 *
 * <p>Not thread-safe; belongs to one {@link Coster}.
 */
final class CallEstimates {

  /** A call's cost (arguments included) and, for strings, bytes, lists and maps, result size. */
  record Estimate(Range cost, @Nullable Range resultSize) {}

  private static final Set<String> MIN_SIZE_OVERLOADS =
      Set.of(
          "less_string", "greater_string", "less_equals_string", "greater_equals_string",
          "less_bytes", "greater_bytes", "less_equals_bytes", "greater_equals_bytes", "equals",
          "not_equals");

  private final Coster coster;
  private final CostModel model;
  private final boolean bound;
  private final LibraryCostEstimator library;

  CallEstimates(Coster coster, CostModel model, boolean bound) {
    this.coster = coster;
    this.model = model;
    this.bound = bound;
    this.library = new LibraryCostEstimator(coster, bound);
  }

  Estimate functionCost(
      String function,
      String overload,
      @Nullable EstimateNode target,
      List<EstimateNode> args,
      List<Range> argCosts) {
    Range argSum = Range.ZERO;
    for (Range c : argCosts) {
      argSum = argSum.add(c);
    }
    if (model.overloadTrackers() && args.size() == 2) {
      double factor =
          switch (function) {
            case "sets.contains", "sets.intersects" -> 1;
            case "sets.equivalent" -> 2;
            default -> 0;
          };
      if (factor > 0) {
        Range product = library.sizeEstimate(args.get(0)).multiply(library.sizeEstimate(args.get(1)));
        return new Estimate(product.multiplyByCostFactor(factor).add(Range.ONE).add(argSum), null);
      }
    }
    if (!bound || model.strict()) {
      Estimate est = library.estimateCallCost(function, overload, target, args);
      if (est != null) {
        return new Estimate(est.cost().add(argSum), est.resultSize());
      }
    }
    StandardEstimate standard = standard(overload, target, args, argCosts);
    if (standard == null) {
      return new Estimate(Range.ONE.add(argSum), null);
    }
    Range cost = standard.argsIncluded() ? standard.cost() : standard.cost().add(argSum);
    return new Estimate(cost, standard.resultSize());
  }

  private @Nullable StandardEstimate standard(
      String overload, @Nullable EstimateNode target, List<EstimateNode> args, List<Range> costs) {
    switch (overload) {
      case "string_format" -> {
        if (target != null) {
          return new StandardEstimate(size(target).multiplyByCostFactor(STRING_TRAVERSAL), null);
        }
      }
      case "string_to_bytes" -> {
        if (args.size() == 1) {
          Range sz = size(args.get(0));
          return new StandardEstimate(
              sz.multiplyByCostFactor(STRING_TRAVERSAL),
              new Range(sz.min(), Uint64.multiply(sz.max(), 4)));
        }
      }
      case "bytes_to_string" -> {
        if (args.size() == 1) {
          Range sz = size(args.get(0));
          return new StandardEstimate(
              sz.multiplyByCostFactor(STRING_TRAVERSAL),
              new Range(Long.divideUnsigned(sz.min(), 4), sz.max()));
        }
      }
      case "strings_quote" -> {
        if (args.size() == 1) {
          Range sz = size(args.get(0));
          return new StandardEstimate(
              sz.multiplyByCostFactor(STRING_TRAVERSAL),
              new Range(
                  Uint64.add(sz.min(), 2), Uint64.add(Uint64.multiply(sz.max(), 2), 2)));
        }
      }
      case "starts_with_string", "ends_with_string" -> {
        if (args.size() == 1) {
          // cel-go's runtime measures the receiver, its estimator the argument.
          EstimateNode measured = bound && target != null ? target : args.get(0);
          return new StandardEstimate(size(measured).multiplyByCostFactor(STRING_TRAVERSAL), null);
        }
      }
      case "in_list" -> {
        if (args.size() == 2) {
          return new StandardEstimate(size(args.get(1)).multiplyByCostFactor(1), null);
        }
      }
      case "matches_string" -> {
        if (target != null && args.size() == 1) {
          Range strCost = size(target).add(Range.ONE).multiplyByCostFactor(STRING_TRAVERSAL);
          Range regexCost = size(args.get(0)).multiplyByCostFactor(REGEX_STRING_LENGTH);
          return new StandardEstimate(strCost.multiply(regexCost), null);
        }
      }
      case "contains_string" -> {
        if (target != null && args.size() == 1) {
          Range strCost = size(target).multiplyByCostFactor(STRING_TRAVERSAL);
          Range subCost = size(args.get(0)).multiplyByCostFactor(STRING_TRAVERSAL);
          return new StandardEstimate(strCost.multiply(subCost), null);
        }
      }
      case "logical_or", "logical_and" -> {
        Range lhs = costs.get(0);
        Range rhs = costs.get(1);
        return StandardEstimate.withArgs(new Range(lhs.min(), lhs.add(rhs).max()), null);
      }
      case "conditional" -> {
        Range size = size(args.get(1)).union(size(args.get(2)));
        Range cost = costs.get(0).add(costs.get(1).union(costs.get(2)));
        return StandardEstimate.withArgs(cost, size);
      }
      case "add_string", "add_bytes", "add_list" -> {
        if (args.size() == 2) {
          Range resultSize = size(args.get(0)).add(size(args.get(1)));
          Range cost =
              overload.equals("add_list")
                  ? Range.ONE
                  : resultSize.multiplyByCostFactor(STRING_TRAVERSAL);
          return new StandardEstimate(cost, resultSize);
        }
      }
      default -> {
        if (MIN_SIZE_OVERLOADS.contains(overload)) {
          long smallestMax = Uint64.min(size(args.get(0)).max(), size(args.get(1)).max());
          long min = smallestMax != 0 ? 1 : 0;
          return new StandardEstimate(
              new Range(min, smallestMax).multiplyByCostFactor(STRING_TRAVERSAL), null);
        }
      }
    }
    return null;
  }

  private Range size(EstimateNode node) {
    return coster.sizeEstimate(node);
  }

  /** A default estimate, with or without the arguments' costs already in it. */
  private record StandardEstimate(Range cost, @Nullable Range resultSize, boolean argsIncluded) {
    StandardEstimate(Range cost, @Nullable Range resultSize) {
      this(cost, resultSize, false);
    }

    static StandardEstimate withArgs(Range cost, @Nullable Range resultSize) {
      return new StandardEstimate(cost, resultSize, true);
    }
  }
}
