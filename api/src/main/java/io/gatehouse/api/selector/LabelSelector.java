package io.gatehouse.api.selector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code metav1.LabelSelector}: requirements that must all hold.
 *
 * <p>As upstream's {@code LabelSelectorAsSelector}: an absent selector matches nothing, an empty
 * one ({@code {}}) matches everything, {@code matchLabels} entries become equality requirements and
 * {@code matchExpressions} use {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelSelector {

  /** The selector that matches every label set. */
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);

  /** The selector that matches nothing (an absent selector). */
  public static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private LabelSelector(List<Requirement> requirements, boolean nothing) {
    this.requirements = List.copyOf(requirements);
    this.nothing = nothing;
  }

  /** The operator of one requirement. */
  public enum Operator {
    /** The label is present and its value is in the set. */
    IN("In"),
    /** The label is absent or its value is not in the set. */
    NOT_IN("NotIn"),
    /** The label is present. */
    EXISTS("Exists"),
    /** The label is absent. */
    DOES_NOT_EXIST("DoesNotExist"),
    /** The label is present with exactly this value ({@code matchLabels}). */
    EQUALS("=");

    private final String wire;

    Operator(String wire) {
      this.wire = wire;
    }

    /** Returns the wire name, e.g. {@code NotIn}. */
    public String wire() {
      return wire;
    }
  }

  /**
   * One requirement.
   *
   * @param key the label key
   * @param operator the operator
   * @param values the values, sorted (empty for Exists/DoesNotExist)
   */
  public record Requirement(String key, Operator operator, Set<String> values) {
    /** Copies the values into a sorted set. */
    public Requirement {
      values = java.util.Collections.unmodifiableSet(new TreeSet<>(values));
    }

    /** Returns whether {@code labels} satisfy this requirement. */
    public boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (operator) {
        case IN, EQUALS -> v != null && values.contains(v);
        case NOT_IN -> v == null || !values.contains(v);
        case EXISTS -> v != null;
        case DOES_NOT_EXIST -> v == null;
      };
    }
  }

  /**
   * Parses the JSON form of a {@code metav1.LabelSelector}; null means absent.
   *
   * @throws InvalidSelectorException with upstream's message if an operator or value set is
   *     invalid
   */
  public static LabelSelector parse(@Nullable Object selector) {
    if (selector == null) {
      return NOTHING;
    }
    if (!(selector instanceof Map<?, ?> map)) {
      throw new InvalidSelectorException("label selector must be an object");
    }
    Object matchLabels = map.get("matchLabels");
    Object matchExpressions = map.get("matchExpressions");
    boolean noLabels = !(matchLabels instanceof Map<?, ?> ml) || ml.isEmpty();
    boolean noExpressions = !(matchExpressions instanceof List<?> me) || me.isEmpty();
    if (noLabels && noExpressions) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    if (matchLabels instanceof Map<?, ?> ml) {
      for (Map.Entry<?, ?> e : ml.entrySet()) {
        requirements.add(
            new Requirement(String.valueOf(e.getKey()), Operator.EQUALS,
                Set.of(String.valueOf(e.getValue()))));
      }
    }
    if (matchExpressions instanceof List<?> me) {
      for (Object o : me) {
        requirements.add(expression(o));
      }
    }
    requirements.sort(java.util.Comparator.comparing(Requirement::key));
    return new LabelSelector(requirements, false);
  }

  /** Returns a selector requiring every entry of {@code labels}. */
  public static LabelSelector of(Map<String, String> labels) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("matchLabels", labels);
    return parse(m);
  }

  private static Requirement expression(@Nullable Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new InvalidSelectorException("matchExpressions entries must be objects");
    }
    String key = m.get("key") instanceof String s ? s : "";
    String op = m.get("operator") instanceof String s ? s : "";
    List<String> values = new ArrayList<>();
    if (m.get("values") instanceof List<?> l) {
      for (Object v : l) {
        values.add(String.valueOf(v));
      }
    }
    Operator operator =
        switch (op) {
          case "In" -> Operator.IN;
          case "NotIn" -> Operator.NOT_IN;
          case "Exists" -> Operator.EXISTS;
          case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
          default -> throw new InvalidSelectorException(
              "\"" + op + "\" is not a valid label selector operator");
        };
    if ((operator == Operator.IN || operator == Operator.NOT_IN) && values.isEmpty()) {
      throw new InvalidSelectorException(
          "values: Invalid value: " + (m.get("values") == null ? "[]string(nil)" : "[]string{}")
              + ": for 'in', 'notin' operators, values set can't be empty");
    }
    if ((operator == Operator.EXISTS || operator == Operator.DOES_NOT_EXIST)
        && !values.isEmpty()) {
      throw new InvalidSelectorException(
          "values: Invalid value: " + goStringSlice(values)
              + ": values set must be empty for exists and does not exist");
    }
    return new Requirement(key, operator, Set.copyOf(values));
  }

  private static String goStringSlice(List<String> values) {
    StringBuilder b = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append('"').append(values.get(i)).append('"');
    }
    return b.append('}').toString();
  }

  /** Returns whether {@code labels} satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether this selector matches every label set. */
  public boolean isEverything() {
    return !nothing && requirements.isEmpty();
  }

  /** Returns the requirements, sorted by key. */
  public List<Requirement> requirements() {
    return requirements;
  }
}
