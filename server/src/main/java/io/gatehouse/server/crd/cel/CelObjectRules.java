package io.gatehouse.server.crd.cel;

import io.gatehouse.cel.Activation;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import io.gatehouse.cel.cost.CostLimits;
import io.gatehouse.server.crd.ObjectRules;
import io.gatehouse.server.schema.Correlation;
import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.JsonSchema;
import io.gatehouse.server.schema.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a version's {@code x-kubernetes-validations} on custom objects as upstream's {@code
 * cel.Validator} does in Kubernetes 1.33: rules run on every non-null node that has them, {@code
 * self} the node's value and {@code oldSelf} the correlated stored value (object fields by name,
 * items of map-type lists by key); transition rules (reading {@code oldSelf}) only run with a
 * stored value, unless {@code optionalOldSelf}. A false rule is {@code <path>: Invalid value:
 * "<type>": <message>} (or the reason's error type; {@code fieldPath} extends the path); runtime
 * errors, the per-call cost limit and the 10,000,000 budget per object have upstream's texts. On
 * update, a failed rule that does not read {@code oldSelf} on an unchanged node becomes a warning
 * (ratcheting). Properties are visited in name order (upstream: Go's map order). Immutable;
 * thread-safe.
 */
public final class CelObjectRules implements ObjectRules {

  private final RuleTree tree;

  private CelObjectRules(RuleTree tree) {
    this.tree = tree;
  }

  /** Returns the rules of {@code schema}: {@link ObjectRules#NONE} when it declares none. */
  public static ObjectRules of(@Nullable JsonSchema schema) {
    RuleTree tree = schema == null ? null : RuleTree.build(KubernetesVersion.DEFAULT, schema);
    return tree == null ? ObjectRules.NONE : new CelObjectRules(tree);
  }

  @Override
  public List<FieldError> validate(Map<String, @Nullable Object> object,
      @Nullable Map<String, @Nullable Object> old, List<String> warnings) {
    Run run = new Run(warnings);
    Correlation root = Correlation.root(object, old, tree.schema());
    validate(tree, null, object, old, old == null ? null : root, null, run);
    return run.errors;
  }

  /** One validation: the remaining budget and what it found. */
  private static final class Run {
    final List<FieldError> errors = new ArrayList<>();
    final List<String> warnings;
    long budget = CostLimits.RUNTIME_CEL_COST_BUDGET;

    Run(List<String> warnings) {
      this.warnings = warnings;
    }

    boolean exhausted() {
      return budget < 0;
    }
  }

  private void validate(RuleTree node, @Nullable String path, @Nullable Object obj,
      @Nullable Object old, @Nullable Correlation current, @Nullable Correlation nearest,
      Run run) {
    if (obj == null || run.exhausted()) {
      return;
    }
    expressions(node, path, obj, old, ratchet(current, nearest), run);
    if (run.exhausted()) {
      return;
    }
    for (RuleTree branch : node.allOf()) {
      validate(branch, path, obj, old, null, nearest, run);
      if (run.exhausted()) {
        return;
      }
    }
    if (obj instanceof List<?> list && node.items() != null) {
      JsonSchema s = node.schema();
      for (int i = 0; i < list.size() && !run.exhausted(); i++) {
        Correlation item = current == null ? null : current.item(i, s.items());
        Object oldItem = item != null && item.correlated() ? item.old() : null;
        validate(node.items(), Path.index(path, i), list.get(i), oldItem,
            item != null && item.correlated() ? item : null, current != null ? current : nearest,
            run);
      }
    } else if (obj instanceof Map<?, ?> map) {
      boolean correlatable = node.schema().mapType() == null
          || node.schema().mapType().equals("granular") || node.schema().mapType().equals("atomic");
      Map<?, ?> oldMap = old instanceof Map<?, ?> m && correlatable ? m : Map.of();
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        String k = String.valueOf(e.getKey());
        JsonSchema childSchema = node.schema().properties().get(k);
        if (childSchema == null) {
          childSchema = node.schema().additionalPropertiesSchema();
        }
        Correlation child = current == null || (path == null && isTypeMeta(k)) ? null
            : current.field(k, childSchema);
        Correlation childNearest = current != null ? current : nearest;
        if (path == null && isTypeMeta(k)) {
          childNearest = null;
        }
        Correlation c = child != null && child.correlated() ? child : null;
        if (node.additional() != null) {
          validate(node.additional(), Path.key(path, k), e.getValue(), oldMap.get(k), c,
              childNearest, run);
        }
        RuleTree prop = node.properties().get(k);
        if (prop != null) {
          validate(prop, Path.child(path, k), e.getValue(), oldMap.get(k), c, childNearest, run);
        }
        if (run.exhausted()) {
          return;
        }
      }
    }
  }

  private static boolean isTypeMeta(String k) {
    return k.equals("apiVersion") || k.equals("kind");
  }

  private static boolean ratchet(@Nullable Correlation current, @Nullable Correlation nearest) {
    if (current != null) {
      return current.unchanged();
    }
    return nearest != null && nearest.unchanged();
  }

  private void expressions(RuleTree node, @Nullable String path, Object obj,
      @Nullable Object old, boolean ratchet, Run run) {
    if (node.rules().isEmpty()) {
      return;
    }
    String type = node.schema().type();
    if (run.budget <= 0) {
      run.errors.add(FieldError.invalid(Path.print(path), type, "validation failed due to "
          + "running out of cost budget, no further validation rules will be run"));
      run.budget = -1;
      return;
    }
    Object self = SchemaValues.of(obj, node.schema(), node.resourceRoot());
    Object oldSelf = old == null ? null : SchemaValues.of(old, node.schema(), node.resourceRoot());
    Activation plain = name -> switch (name) {
      case "self" -> Optional.of(self);
      case "oldSelf" -> Optional.ofNullable(oldSelf);
      default -> Optional.empty();
    };
    Activation optional = name -> switch (name) {
      case "self" -> Optional.of(self);
      case "oldSelf" -> Optional.of(oldSelf == null ? Optional.empty() : Optional.of(oldSelf));
      default -> Optional.empty();
    };
    for (NodeRules.Rule r : node.rules()) {
      if (!new RuleRun(r, path, type, ratchet, run).evaluate(plain, optional, old != null)) {
        return;
      }
    }
  }

  /** Evaluates one rule; {@link #evaluate} returns false when no further rule may run. */
  private record RuleRun(NodeRules.Rule r, @Nullable String path, String type, boolean ratchet,
      Run run) {

    boolean evaluate(Activation plain, Activation optional, boolean hasOld) {
      String at = Path.print(path);
      if (r.error() != null) {
        run.errors.add(FieldError.invalid(at, type, "rule compile error: " + r.error()));
        return true;
      }
      if (r.program() == null) {
        return true;
      }
      boolean optionalOldSelf = Boolean.TRUE.equals(r.rule().optionalOldSelf());
      if (r.usesOldSelf() && !hasOld && !optionalOldSelf) {
        return true;
      }
      EvaluationResult result = r.program().evaluate(optionalOldSelf ? optional : plain,
          CostLimits.PER_CALL_LIMIT);
      if (!(result instanceof EvaluationResult.Failure f && f.costLimitExceeded())) {
        if (result.cost() > run.budget) {
          run.errors.add(FieldError.invalid(at, type, "validation failed due to running out of "
              + "cost budget, no further validation rules will be run"));
          run.budget = -1;
          return false;
        }
        run.budget -= Math.max(0, result.cost());
      }
      String ruleText = ruleErrorString();
      if (result instanceof EvaluationResult.Failure f) {
        if (f.message().startsWith("no such overload")) {
          run.errors.add(FieldError.invalid(at, type, "'" + f.message() + "': call arguments did"
              + " not match a supported operator, function or macro signature for rule: "
              + ruleText));
        } else if (f.costLimitExceeded()) {
          run.errors.add(FieldError.invalid(at, type, "'" + f.message() + "': no further "
              + "validation rules will be run due to call cost exceeds limit for rule: "
              + ruleText));
          run.budget = -1;
          return false;
        } else {
          run.errors.add(FieldError.invalid(at, type, f.message() + " evaluating rule: "
              + ruleText));
        }
        return true;
      }
      if (Objects.equals(((EvaluationResult.Success) result).value(), Boolean.TRUE)) {
        return true;
      }
      String errPath = r.fieldPath() == null ? at : Path.child(path, r.fieldPath());
      String detail = defaultMessage();
      if (r.message() != null) {
        MessageOutcome m = MessageOutcome.evaluate(r.message(), r.rule().messageExpression(),
            plain, run.budget);
        run.budget = m.remainingBudget();
        if (m.fatal() != null) {
          add(FieldError.invalid(errPath, type, m.fatal()));
          run.budget = -1;
          return false;
        }
        if (m.message() != null) {
          detail = m.message();
        }
      }
      add(forReason(errPath, detail));
      return true;
    }

    private void add(FieldError e) {
      if (!r.usesOldSelf() && ratchet) {
        run.warnings.add(e.message());
      } else {
        run.errors.add(e);
      }
    }

    private FieldError forReason(String at, String detail) {
      String reason = r.rule().reason();
      if (reason == null) {
        return FieldError.invalid(at, type, detail);
      }
      return switch (reason) {
        case "FieldValueForbidden" -> FieldError.forbidden(at, detail);
        case "FieldValueRequired" -> FieldError.required(at, detail);
        case "FieldValueDuplicate" -> FieldError.duplicate(at, type);
        default -> FieldError.invalid(at, type, detail);
      };
    }

    private String defaultMessage() {
      return r.rule().message().isEmpty() ? "failed rule: " + ruleErrorString()
          : r.rule().message().strip();
    }

    private String ruleErrorString() {
      return r.rule().message().isEmpty() ? r.rule().rule().strip()
          : r.rule().message().strip();
    }
  }
}
