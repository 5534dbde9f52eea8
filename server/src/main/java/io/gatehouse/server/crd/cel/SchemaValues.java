package io.gatehouse.server.crd.cel;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.PropertyNames;
import io.gatehouse.cel.library.GoSyntax;
import io.gatehouse.server.schema.JsonSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A custom object's value as CEL sees it through its schema (upstream's {@code
 * UnstructuredToVal}): object properties under their escaped names (unescapable ones and those
 * the schema does not specify are not visible), a resource root's {@code metadata} reduced to
 * {@code name} and {@code generateName}, {@code additionalProperties} maps with their keys as
 * they are, numbers of {@code type: number} as doubles, and strings of format {@code byte},
 * {@code duration}, {@code date} and {@code date-time} as bytes, durations and timestamps. A
 * string that does not parse in its format stays a string (validation has rejected it already).
 * Stateless.
 */
final class SchemaValues {

  private static final Pattern UNIT = Pattern.compile("(\\d+)\\s*([A-Za-zµ]+)");

  private SchemaValues() {}

  /** Converts {@code value} (decoded JSON) with schema {@code s}. */
  static Object of(@Nullable Object value, @Nullable JsonSchema s, boolean resourceRoot) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (s == null || s.intOrString()) {
      return CelValues.fromJson(value);
    }
    if (value instanceof Map<?, ?> m) {
      JsonSchema additional = s.additionalPropertiesSchema();
      Map<String, Object> out = new LinkedHashMap<>();
      if (additional != null) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.put(String.valueOf(e.getKey()),
              of(e.getValue(), additional, additional.embeddedResource()));
        }
        return out;
      }
      Map<String, JsonSchema> props = DeclTypes.properties(s, resourceRoot);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        JsonSchema p = props.get(key);
        Optional<String> field = PropertyNames.escape(key);
        if (p != null && field.isPresent()) {
          out.put(field.get(), of(e.getValue(), p, p.embeddedResource()));
        }
      }
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object item : l) {
        out.add(of(item, s.items(), s.items() != null && s.items().embeddedResource()));
      }
      return out;
    }
    if (value instanceof Long n && s.type().equals("number")) {
      return n.doubleValue();
    }
    if (value instanceof String str && s.type().equals("string")) {
      return string(str, s.format());
    }
    return CelValues.fromJson(value);
  }

  private static Object string(String s, String format) {
    try {
      return switch (format) {
        case "byte" -> CelByteString.of(Base64.getDecoder().decode(s));
        case "duration" -> duration(s).map(d -> (Object) d).orElse(s);
        case "date" -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        case "date-time" -> dateTime(s);
        default -> s;
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return s;
    }
  }

  /** kube-openapi's {@code strfmt.ParseDateTime} for the shapes its format check accepts. */
  private static Instant dateTime(String s) {
    String upper = s.toUpperCase(Locale.ROOT);
    return OffsetDateTime.parse(upper).toInstant();
  }

  /** kube-openapi's {@code strfmt.ParseDuration}: Go's syntax, else {@code <n> <unit>} groups. */
  static Optional<Duration> duration(String s) {
    Optional<Duration> go = GoSyntax.parseDuration(s);
    if (go.isPresent()) {
      return go;
    }
    Matcher m = UNIT.matcher(s);
    Duration total = Duration.ZERO;
    boolean any = false;
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      Duration d = switch (unit) {
        case "ns", "nano", "nanos", "nanosecond", "nanoseconds" -> Duration.ofNanos(n);
        case "us", "µs", "micro", "micros", "microsecond", "microseconds" ->
            Duration.ofNanos(n * 1000);
        case "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(n);
        case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
        case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
        case "h", "hr", "hrs", "hour", "hours" -> Duration.ofHours(n);
        case "d", "day", "days" -> Duration.ofDays(n);
        case "w", "wk", "wks", "week", "weeks" -> Duration.ofDays(7 * n);
        default -> null;
      };
      if (d == null) {
        return Optional.empty();
      }
      total = total.plus(d);
      any = true;
    }
    return any ? Optional.of(total) : Optional.empty();
  }
}
