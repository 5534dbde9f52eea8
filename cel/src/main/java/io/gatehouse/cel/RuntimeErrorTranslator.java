package io.gatehouse.cel;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.exceptions.CelAttributeNotFoundException;
import dev.cel.common.exceptions.CelBadFormatException;
import dev.cel.common.exceptions.CelDivideByZeroException;
import dev.cel.common.exceptions.CelIndexOutOfBoundsException;
import dev.cel.common.exceptions.CelNumericOverflowException;
import dev.cel.common.exceptions.CelRuntimeException;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Words a cel-java evaluation error as cel-go does. The failing node is found from the position
 * cel-java reports; its operands come from the values recorded during the evaluation.
 *
 * <p>Stateless; thread-safe.
 */
final class RuntimeErrorTranslator {

  private static final Pattern LOCATED =
      Pattern.compile("^evaluation error at [^:]*:(\\d+): (.*)$", Pattern.DOTALL);
  private static final Pattern UNLOCATED = Pattern.compile("^evaluation error: ", Pattern.DOTALL);
  private static final Pattern NO_OVERLOAD =
      Pattern.compile("^No matching overload for function '([^']*)'.*", Pattern.DOTALL);
  private static final Pattern FAILED_OVERLOAD =
      Pattern.compile("^Function '([^']*)' failed with arg\\(s\\) .*", Pattern.DOTALL);
  private static final Pattern MISSING_KEY =
      Pattern.compile("^key '(.*)' is not present in map\\.$", Pattern.DOTALL);
  private static final Pattern BAD_FIELD =
      Pattern.compile("^Error resolving field '(.*)'\\. Field selections.*", Pattern.DOTALL);
  private static final Pattern OUT_OF_BOUNDS =
      Pattern.compile("^Index out of bounds: (.*)$", Pattern.DOTALL);
  private static final Pattern UNKNOWN_ZONE =
      Pattern.compile("^Unknown time-zone ID: (.*)$", Pattern.DOTALL);

  /** Conversion function → the type name cel-go prints in a failed conversion. */
  private static final Map<String, String> CONVERSION_TARGETS =
      Map.of(
          "int", "int",
          "uint", "uint",
          "double", "double",
          "bool", "bool",
          "duration", "google.protobuf.Duration",
          "timestamp", "google.protobuf.Timestamp");

  private RuntimeErrorTranslator() {}

  static String translate(
      CelEvaluationException e, CelAbstractSyntaxTree ast, @Nullable EvaluatedValues values) {
    String raw = e.getMessage() == null ? "" : e.getMessage();
    Integer offset = null;
    String text = raw;
    Matcher located = LOCATED.matcher(raw);
    if (located.matches()) {
      offset = Integer.valueOf(located.group(1));
      text = located.group(2);
    } else {
      text = UNLOCATED.matcher(raw).replaceFirst("");
    }
    CelRuntimeException cause = runtimeCause(e);
    if (cause != null && !cause.getClass().getName().startsWith("dev.cel.")) {
      // A Gatehouse library (or this package's standard overrides) already speaks cel-go.
      return ownMessage(cause);
    }
    Site site = new Site(ast, offset, values);
    String translated = translateKnown(text, cause, rootCause(e), site);
    return translated != null ? translated : text;
  }

  private static @Nullable String translateKnown(
      String text, @Nullable CelRuntimeException cause, Throwable root, Site site) {
    Matcher m = NO_OVERLOAD.matcher(text);
    if (m.matches()) {
      return noOverload(m.group(1), site);
    }
    if (text.startsWith("expected boolean value, found: ")) {
      return NoSuchOverload.PLAIN;
    }
    if (cause instanceof CelAttributeNotFoundException
        || cause instanceof CelIndexOutOfBoundsException) {
      return qualification(text, site);
    }
    if (cause instanceof CelDivideByZeroException) {
      return site.call("_%_").isPresent() ? "modulus by zero" : "division by zero";
    }
    if (cause instanceof CelNumericOverflowException) {
      return unsignedOverflow(text, site) ? "unsigned integer overflow" : "integer overflow";
    }
    if (cause instanceof CelBadFormatException) {
      Optional<String> target = conversionTarget(site);
      if (target.isPresent()) {
        return "type conversion error from 'string' to '" + target.get() + "'";
      }
    }
    Matcher zone = UNKNOWN_ZONE.matcher(root.getMessage() == null ? "" : root.getMessage());
    if (zone.matches()) {
      return "unknown time zone " + zone.group(1);
    }
    Matcher failed = FAILED_OVERLOAD.matcher(text);
    if (failed.matches()) {
      return failedOverload(failed.group(1), root);
    }
    return null;
  }

  private static String noOverload(String function, Site site) {
    if (function.equals("_[_]")) {
      Optional<CelExpr> call = site.call(function);
      if (call.isPresent()) {
        List<Object> args = site.arguments(call.get());
        if (args.size() == 2) {
          String failure = Qualification.failure(args.get(0), args.get(1));
          if (failure != null) {
            return failure;
          }
        }
      }
      return NoSuchOverload.PLAIN;
    }
    Optional<CelExpr> call = site.call(function);
    if (call.isEmpty()) {
      return NoSuchOverload.PLAIN;
    }
    List<Object> args = site.arguments(call.get());
    int expected = call.get().call().args().size() + (call.get().call().target().isPresent() ? 1 : 0);
    return args.size() == expected ? NoSuchOverload.text(function, args) : NoSuchOverload.PLAIN;
  }

  private static String qualification(String text, Site site) {
    Optional<String> fromOperands = site.qualificationFailure();
    if (fromOperands.isPresent()) {
      return fromOperands.get();
    }
    Matcher key = MISSING_KEY.matcher(text);
    if (key.matches()) {
      return "no such key: " + key.group(1);
    }
    Matcher field = BAD_FIELD.matcher(text);
    if (field.matches()) {
      return "no such key: " + field.group(1);
    }
    Matcher bounds = OUT_OF_BOUNDS.matcher(text);
    if (bounds.matches()) {
      return "index out of bounds: " + bounds.group(1);
    }
    return "no such key: " + text;
  }

  private static boolean unsignedOverflow(String text, Site site) {
    for (String function : new String[] {"uint", "int"}) {
      if (site.call(function).isPresent()) {
        return function.equals("uint");
      }
    }
    Optional<CelExpr> call = site.anyCall();
    if (call.isPresent()) {
      List<Object> args = site.arguments(call.get());
      if (!args.isEmpty()) {
        return args.get(0) instanceof UnsignedLong;
      }
    }
    return text.contains("unsigned") && !text.startsWith("unsigned out of int");
  }

  private static Optional<String> conversionTarget(Site site) {
    for (Map.Entry<String, String> e : CONVERSION_TARGETS.entrySet()) {
      if (site.call(e.getKey()).isPresent()) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  private static String failedOverload(String overloadId, Throwable root) {
    return switch (overloadId) {
      case "int64_to_timestamp",
          "add_timestamp_duration",
          "add_duration_timestamp",
          "subtract_timestamp_duration" -> "timestamp overflow";
      case "optional_value" -> "optional.none() dereference";
      default -> root.getMessage() == null ? "internal error" : root.getMessage();
    };
  }

  private static String ownMessage(CelRuntimeException cause) {
    Throwable inner = cause.getCause();
    String message = inner != null ? inner.getMessage() : cause.getMessage();
    return message == null ? "" : message;
  }

  private static @Nullable CelRuntimeException runtimeCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CelRuntimeException cre) {
        return cre;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The nodes at the reported position, with access to their recorded operands. */
  private static final class Site {
    private final List<CelExpr> nodes;
    private final @Nullable EvaluatedValues values;

    Site(CelAbstractSyntaxTree ast, @Nullable Integer offset, @Nullable EvaluatedValues values) {
      this.values = values;
      this.nodes = new ArrayList<>();
      if (offset != null) {
        Map<Long, Integer> positions = ast.getSource().getPositionsMap();
        CelNavigableAst.fromAst(ast)
            .getRoot()
            .allNodes()
            .map(CelNavigableExpr::expr)
            .filter(x -> offset.equals(positions.get(x.id())))
            .forEach(nodes::add);
      }
    }

    /** The call of {@code function} at the position whose operands were evaluated last. */
    Optional<CelExpr> call(String function) {
      return nodes.stream()
          .filter(x -> x.getKind() == CelExpr.ExprKind.Kind.CALL)
          .filter(x -> x.call().function().equals(function))
          .max((a, b) -> Boolean.compare(hasArguments(a), hasArguments(b)));
    }

    Optional<CelExpr> anyCall() {
      return nodes.stream().filter(x -> x.getKind() == CelExpr.ExprKind.Kind.CALL).findFirst();
    }

    /** The receiver (if any) and arguments of {@code call}, as far as they were evaluated. */
    List<Object> arguments(CelExpr call) {
      List<Object> out = new ArrayList<>();
      if (values == null) {
        return out;
      }
      List<CelExpr> operands = new ArrayList<>();
      call.call().target().ifPresent(operands::add);
      operands.addAll(call.call().args());
      for (CelExpr operand : operands) {
        if (!values.has(operand.id())) {
          return out;
        }
        out.add(values.get(operand.id()));
      }
      return out;
    }

    /** cel-go's text for the select or index at this position, computed from its operands. */
    Optional<String> qualificationFailure() {
      if (values == null) {
        return Optional.empty();
      }
      for (CelExpr node : nodes) {
        if (node.getKind() == CelExpr.ExprKind.Kind.SELECT && !node.select().testOnly()) {
          long operand = node.select().operand().id();
          if (values.has(operand)) {
            return Optional.ofNullable(
                Qualification.failure(values.get(operand), node.select().field()));
          }
        }
        if (node.getKind() == CelExpr.ExprKind.Kind.CALL
            && node.call().function().equals("_[_]")) {
          List<Object> args = arguments(node);
          if (args.size() == 2) {
            return Optional.ofNullable(Qualification.failure(args.get(0), args.get(1)));
          }
        }
      }
      return Optional.empty();
    }

    private boolean hasArguments(CelExpr call) {
      if (values == null) {
        return false;
      }
      for (CelExpr arg : call.call().args()) {
        if (!values.has(arg.id())) {
          return false;
        }
      }
      return call.call().target().map(t -> values.has(t.id())).orElse(true);
    }
  }
}
