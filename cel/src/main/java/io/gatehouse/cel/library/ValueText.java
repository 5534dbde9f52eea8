package io.gatehouse.cel.library;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import io.gatehouse.api.GoQuote;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code %s} and {@code %d} clauses of cel-go's {@code format}: scalars as their {@code
 * string()} conversion; lists and maps as CEL-literal-like text whose members are quoted, doubles
 * printed with six decimals, timestamps and durations wrapped in their constructor calls, and map
 * entries sorted by their key text.
 *
 * <p>Stateless; thread-safe. Failures throw {@link FormatException} with cel-go's text.
 */
final class ValueText {

  private ValueText() {}

  /** cel-go's {@code FormatString}. */
  static String string(Object arg) {
    return switch (arg) {
      case List<?> list -> list(list);
      case Map<?, ?> map -> map(map);
      case Long l -> l.toString();
      case UnsignedLong u -> u.toString();
      case Double d -> GoFloat.formatG(d);
      case Boolean b -> b.toString();
      case String s -> s;
      case Instant i -> GoValueText.timestamp(i);
      case com.google.protobuf.Timestamp t -> GoValueText.timestamp(t);
      case CelByteString b -> bytes(b);
      case Duration d -> GoValueText.duration(d);
      case com.google.protobuf.Duration d -> GoValueText.duration(d);
      case CelType t -> GoValueText.typeValueName(t);
      case NullValue n -> "null";
      default -> throw new FormatException(
          "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists,"
              + " types, durations, and timestamps, was given " + GoValueText.typeName(arg));
    };
  }

  /** cel-go's {@code formatDecimal}. */
  static String decimal(Object arg) {
    return switch (arg) {
      case Long l -> l.toString();
      case UnsignedLong u -> u.toString();
      default -> throw new FormatException(
          "decimal clause can only be used on integers, was given " + GoValueText.typeName(arg));
    };
  }

  private static String list(List<?> list) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(member(list.get(i)));
    }
    return out.append(']').toString();
  }

  private static String map(Map<?, ?> map) {
    List<String[]> entries = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object key = e.getKey();
      String keyText =
          switch (key) {
            case String s -> GoQuote.quote(s);
            case Boolean b -> b.toString();
            case Long l -> l.toString();
            case UnsignedLong u -> u.toString();
            default -> throw new FormatException(
                "no formatting function for map key of type " + GoValueText.typeName(key));
          };
      entries.add(new String[] {keyText, member(e.getValue())});
    }
    // Go sorts the key texts bytewise; UTF-8 byte order is code point order.
    entries.sort(Comparator.comparing((String[] e) -> e[0], ValueText::compareCodePoints));
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < entries.size(); i++) {
      out.append(i > 0 ? ", " : "").append(entries.get(i)[0]).append(':').append(entries.get(i)[1]);
    }
    return out.append('}').toString();
  }

  /** cel-go's {@code clauseForType} followed by {@code quoteForCEL}, for list and map members. */
  private static String member(Object value) {
    return switch (value) {
      case Long l -> l.toString();
      case UnsignedLong u -> u.toString();
      case String s -> GoQuote.quote(s);
      case CelByteString b -> "b" + GoQuote.quote(bytes(b));
      case Boolean b -> b.toString();
      case NullValue n -> "null";
      case CelType t -> GoValueText.typeValueName(t);
      case Instant i -> "timestamp(" + GoQuote.quote(GoValueText.timestamp(i)) + ")";
      case com.google.protobuf.Timestamp t ->
          "timestamp(" + GoQuote.quote(GoValueText.timestamp(t)) + ")";
      case Duration d -> "duration(" + GoQuote.quote(GoValueText.duration(d)) + ")";
      case com.google.protobuf.Duration d ->
          "duration(" + GoQuote.quote(GoValueText.duration(d)) + ")";
      case List<?> list -> list(list);
      case Map<?, ?> map -> map(map);
      case Double d -> Double.isNaN(d) || Double.isInfinite(d)
          ? GoQuote.quote(GoFloat.formatFixed(d, 6))
          : GoFloat.formatFixed(d, 6);
      default -> throw new FormatException(
          "no formatting function for " + GoValueText.typeName(value));
    };
  }

  private static String bytes(CelByteString b) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FormatException("could not convert argument "
          + GoQuote.quote("invalid UTF-8 in bytes, cannot convert to string") + " to string");
    }
  }

    private static int compareCodePoints(String a, String b) {
    return GoQuote.compare(a, b);
  }
}
