package io.gatehouse.server;

import io.gatehouse.server.crd.ColumnPath;
import io.gatehouse.server.crd.CrdDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The table columns of a custom resource (apiextensions' {@code tableconvertor}): Name, then the
 * version's {@code additionalPrinterColumns} (an Age column of type {@code date} at {@code
 * .metadata.creationTimestamp} when there are none). A cell is the first value the column's
 * JSONPath finds, shown by type: {@code string} as jsonpath prints it, {@code integer}, {@code
 * number} and {@code boolean} as JSON values of that type, {@code date} as a human duration since
 * then ({@code <invalid>} when unparseable); anything missing or of another type is {@code null}.
 * Stateless.
 */
final class PrinterColumns {

  /** ObjectMeta's documentation of {@code name}, the Name column's description. */
  static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when "
      + "creating resources, although some resources may allow a client to request the generation"
      + " of an appropriate name automatically. Name is primarily intended for creation "
      + "idempotence and configuration definition. Cannot be updated. More info: "
      + "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

  private PrinterColumns() {}

  static List<TableConvertor.Column> of(CustomResourceBehavior cr, Clock clock) {
    List<TableConvertor.Column> out = new ArrayList<>();
    out.add(new TableConvertor.Column("Name", "string", "name", 0,
        io.gatehouse.api.Unstructured::name, NAME_DESCRIPTION));
    for (CrdDefinition.Column c : cr.columns()) {
      ColumnPath path = ColumnPath.parse(c.jsonPath());
      String description = c.description().isEmpty()
          ? "Custom resource definition column (in JSONPath format): " + c.jsonPath()
          : c.description();
      out.add(new TableConvertor.Column(c.name(), c.type(), c.format(), (int) c.priority(),
          obj -> cell(c.type(), path.first(obj.object()), clock), description));
    }
    return out;
  }

  private static @Nullable Object cell(String type, @Nullable Object value, Clock clock) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case "string" -> ColumnPath.print(value);
      case "integer" -> value instanceof Long l ? l
          : value instanceof Double d ? (Object) (long) d.doubleValue() : null;
      case "number" -> value instanceof Long l ? (Object) l.doubleValue()
          : value instanceof Double d ? d : null;
      case "boolean" -> value instanceof Boolean b ? b : null;
      case "date" -> value instanceof String s ? date(s, clock) : null;
      default -> null;
    };
  }

  private static String date(String s, Clock clock) {
    if (s.isEmpty() || s.equals("null")) {
      return "<unknown>";
    }
    try {
      return Age.human(Duration.between(Instant.parse(s), Instant.now(clock)));
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
  }
}
