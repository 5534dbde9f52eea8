package io.gatehouse.server.schema;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.gatehouse.api.GoQuote;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * kube-openapi's junctor, string, format, number and enum validators with their messages. Go's
 * numeric conversions are kept where they decide: an integer is checked against {@code
 * maximum}/{@code minimum}/{@code multipleOf} truncated to {@code int64}, and an enum value matches
 * when the data converts to its Go type and is then equal (so {@code 1.5} matches an enum value
 * {@code 1}, as {@code reflect.Value.Convert} truncates). Stateless.
 */
final class OpenApiChecks {

  private OpenApiChecks() {}

  static OpenApiResult junctors(JsonSchema s, String path, Object data) {
    OpenApiResult main = new OpenApiResult();
    if (!s.anyOf.isEmpty()) {
      OpenApiResult best = null;
      OpenApiResult firstSuccess = null;
      boolean succeeded = false;
      for (JsonSchema alt : s.anyOf) {
        OpenApiResult r = OpenApiValidator.validate(alt, path, data);
        if (r.valid()) {
          best = null;
          succeeded = true;
          firstSuccess = r;
          break;
        }
        if (best == null || r.matchCount > best.matchCount) {
          best = r;
        }
      }
      if (!succeeded) {
        main.add(OpenApiError.composite(GoQuote.quote(path)
            + " must validate at least one schema (anyOf)"));
      }
      main.merge(best != null ? best : firstSuccess);
    }
    if (!s.oneOf.isEmpty()) {
      OpenApiResult best = null;
      OpenApiResult firstSuccess = null;
      int validated = 0;
      for (JsonSchema alt : s.oneOf) {
        OpenApiResult r = OpenApiValidator.validate(alt, path, data);
        if (r.valid()) {
          validated++;
          best = null;
          if (firstSuccess == null) {
            firstSuccess = r;
          }
          continue;
        }
        if (validated == 0 && (best == null || r.matchCount > best.matchCount)) {
          best = r;
        }
      }
      if (validated != 1) {
        String more = validated == 0 ? "Found none valid"
            : "Found " + validated + " valid alternatives";
        main.add(OpenApiError.composite(GoQuote.quote(path)
            + " must validate one and only one schema (oneOf). " + more));
        main.merge(best);
      } else {
        main.merge(firstSuccess);
      }
    }
    if (!s.allOf.isEmpty()) {
      int validated = 0;
      for (JsonSchema all : s.allOf) {
        OpenApiResult r = OpenApiValidator.validate(all, path, data);
        if (r.valid()) {
          validated++;
        }
        main.merge(r);
      }
      if (validated != s.allOf.size()) {
        main.add(OpenApiError.composite(GoQuote.quote(path)
            + " must validate all the schemas (allOf)" + (validated == 0 ? ". None validated" : "")));
      }
    }
    if (s.not != null && OpenApiValidator.validate(s.not, path, data).valid()) {
      main.add(OpenApiError.composite(GoQuote.quote(path)
          + " must not validate the schema (not)"));
    }
    main.inc();
    return main;
  }

  static @Nullable OpenApiResult string(JsonSchema s, String path, String data) {
    long length = data.codePointCount(0, data.length());
    if (s.maxLength != null && length > s.maxLength) {
      return OpenApiResult.of(new OpenApiError(OpenApiError.Code.TOO_LONG, path, data, List.of(),
          s.maxLength, path + " in body should be at most " + s.maxLength + " chars long"));
    }
    if (s.minLength != null && length < s.minLength) {
      return OpenApiResult.of(new OpenApiError(OpenApiError.Code.TOO_SHORT, path, data, List.of(),
          s.minLength, path + " in body should be at least " + s.minLength + " chars long"));
    }
    if (!s.pattern.isEmpty()) {
      String shown = s.pattern;
      boolean matches;
      try {
        matches = Pattern.compile(s.pattern).matcher(data).find();
      } catch (PatternSyntaxException e) {
        shown = s.pattern + ", but pattern is invalid: " + e.getMessage();
        matches = false;
      }
      if (!matches) {
        return OpenApiResult.of(OpenApiError.of(OpenApiError.Code.PATTERN, path, data,
            path + " in body should match '" + shown + "'"));
      }
    }
    return null;
  }

  static @Nullable OpenApiResult format(String format, String path, String data) {
    if (Formats.valid(format, data)) {
      return null;
    }
    return OpenApiResult.of(OpenApiError.invalidType(path, format, data));
  }

  static OpenApiResult number(JsonSchema s, String path, Object data) {
    OpenApiResult res = new OpenApiResult();
    OpenApiResult multiple = new OpenApiResult();
    OpenApiResult minimum = new OpenApiResult();
    OpenApiResult maximum = new OpenApiResult();
    boolean integer = data instanceof Long;
    double value = ((Number) data).doubleValue();
    if (s.multipleOf != null) {
      double f = s.multipleOf;
      if (integer) {
        long factor = (long) f;
        if (factor < 0) {
          multiple.add(mustBePositive(path, factor));
        } else if (factor != 0 && ((Long) data) % factor != 0) {
          multiple.add(notMultiple(path, factor, data));
        }
      } else if (f < 0) {
        multiple.add(mustBePositive(path, GoText.formatFloat(f)));
      } else if (!OpenApiValidator.isJsonInteger(f < 1 ? 1 / f * value : value / f)) {
        multiple.add(notMultiple(path, GoText.formatFloat(f), data));
      }
    }
    if (s.maximum != null) {
      double max = s.maximum;
      boolean fails = integer
          ? exceeds((Long) data, (long) max, s.exclusiveMaximum)
          : (s.exclusiveMaximum ? value >= max : value > max);
      if (fails) {
        String shown = integer ? Long.toString((long) max) : GoText.formatFloat(max);
        maximum.add(OpenApiError.of(OpenApiError.Code.MAX, path, data, path + " in body should be "
            + (s.exclusiveMaximum ? "less than " : "less than or equal to ") + shown));
      }
    }
    if (s.minimum != null) {
      double min = s.minimum;
      boolean fails = integer
          ? exceeds((long) min, (Long) data, s.exclusiveMinimum)
          : (s.exclusiveMinimum ? value <= min : value < min);
      if (fails) {
        String shown = integer ? Long.toString((long) min) : GoText.formatFloat(min);
        minimum.add(OpenApiError.of(OpenApiError.Code.MIN, path, data, path + " in body should be "
            + (s.exclusiveMinimum ? "greater than " : "greater than or equal to ") + shown));
      }
    }
    res.merge(multiple, minimum, maximum);
    res.inc();
    return res;
  }

  /** Whether {@code value} passes {@code limit} from above ({@code value > limit}, or ≥). */
  private static boolean exceeds(long value, long limit, boolean exclusive) {
    return exclusive ? value >= limit : value > limit;
  }

  private static OpenApiError mustBePositive(String path, Object factor) {
    return OpenApiError.of(OpenApiError.Code.MULTIPLE_OF_MUST_BE_POSITIVE, path, factor,
        "factor MultipleOf declared for " + path + " must be positive: " + factor);
  }

  private static OpenApiError notMultiple(String path, Object factor, Object data) {
    return OpenApiError.of(OpenApiError.Code.MULTIPLE_OF, path, data,
        path + " in body should be a multiple of " + factor);
  }

  static @Nullable OpenApiResult enumeration(JsonSchema s, String path, @Nullable Object data) {
    List<@Nullable Object> values = s.enumValues;
    if (values == null || values.isEmpty()) {
      return null;
    }
    for (Object allowed : values) {
      if (allowed != null && data != null && matches(data, allowed)) {
        return null;
      }
    }
    return OpenApiResult.of(new OpenApiError(OpenApiError.Code.ENUM, path, data, values, -1,
        path + " in body should be one of " + GoText.v(values)));
  }

  /** {@code reflect.DeepEqual(Value(data).Convert(TypeOf(allowed)), allowed)} when convertible. */
  private static boolean matches(Object data, Object allowed) {
    return switch (data) {
      case Long l when allowed instanceof Double d -> l.doubleValue() == d;
      case Long l when allowed instanceof String s -> goRuneString(l).equals(s);
      case Double d when allowed instanceof Long l -> (long) d.doubleValue() == l;
      default -> Objects.equals(data, allowed);
    };
  }

  private static String goRuneString(long v) {
    boolean valid = v >= 0 && v <= Character.MAX_CODE_POINT && !(v >= 0xD800 && v <= 0xDFFF);
    return valid ? Character.toString((int) v) : "\uFFFD";
  }

  static boolean hasDuplicates(List<?> list) {
    for (int i = 0; i < list.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (Objects.equals(list.get(i), list.get(j))) {
          return true;
        }
      }
    }
    return false;
  }
}
