package io.gatehouse.server.apply;

import io.gatehouse.api.GoQuote;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code metadata.managedFields} as upstream's {@code managedfields/internal} reads and writes it:
 * entries keyed by a manager identifier (the entry's JSON without time, fields and — for appliers
 * — apiVersion), decoding that rejects unknown operations, empty API versions and field types
 * other than {@code FieldsV1}, the reset forms ({@code []} and {@code [{}]}), and encoding sorted
 * by operation, time, manager, API version and subresource. Stateless.
 */
final class ManagedFields {

  static final String APPLY = "Apply";
  static final String UPDATE = "Update";

  private ManagedFields() {}

  /** Owners and the time each last changed something; both maps are mutable. */
  record Managed(Map<String, VersionedSet> fields, Map<String, Instant> times) {
    static Managed empty() {
      return new Managed(new HashMap<>(), new HashMap<>());
    }

    Managed copy() {
      return new Managed(new HashMap<>(fields), new HashMap<>(times));
    }
  }

  /** A manager identifier's parts. */
  record Identity(String manager, String operation, String apiVersion, String subresource) {

    /** The identifier string: the entry's JSON (upstream's {@code BuildManagerIdentifier}). */
    String id() {
      String known = IDS.get(this);
      if (known == null) {
        if (IDS.size() >= MAX_PARSED) {
          IDS.clear();
        }
        known = build();
        IDS.put(this, known);
      }
      return known;
    }

    /** Identifiers built: few distinct ones recur on every write. Bounded; thread-safe. */
    private static final ConcurrentHashMap<Identity, String> IDS = new ConcurrentHashMap<>();

    private String build() {
      StringBuilder sb = new StringBuilder("{");
      field(sb, "manager", manager);
      field(sb, "operation", operation);
      field(sb, "apiVersion", operation.equals(APPLY) ? "" : apiVersion);
      field(sb, "subresource", subresource);
      return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
      if (!value.isEmpty()) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append('"').append(name).append("\":");
        Values.jsonString(sb, value);
      }
    }

    /** Parsed identifiers: few distinct ones recur on every write. Bounded; thread-safe. */
    private static final ConcurrentHashMap<String, Optional<Identity>> PARSED =
        new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 1024;

    /** Parses an identifier; null if it is not one. */
    static @Nullable Identity parse(String id) {
      Optional<Identity> cached = PARSED.get(id);
      if (cached == null) {
        if (PARSED.size() >= MAX_PARSED) {
          PARSED.clear();
        }
        cached = Optional.ofNullable(parseUncached(id));
        PARSED.put(id, cached);
      }
      return cached.orElse(null);
    }

    private static @Nullable Identity parseUncached(String id) {
      Object v;
      try {
        v = PathElement.Json.read(id);
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (!(v instanceof Map<?, ?> m)) {
        return null;
      }
      return new Identity(str(m.get("manager")), str(m.get("operation")),
          str(m.get("apiVersion")), str(m.get("subresource")));
    }

    /** Upstream's {@code printManager}: {@code "kubectl-edit" using apps/v1}. */
    static String print(String id) {
      Identity i = parse(id);
      if (i == null) {
        return GoQuote.quote(id);
      }
      String s = GoQuote.quote(i.manager());
      if (!i.subresource().isEmpty()) {
        s += " with subresource " + GoQuote.quote(i.subresource());
      }
      return i.operation().equals(UPDATE) ? s + " using " + i.apiVersion() : s;
    }
  }

  private static String str(@Nullable Object v) {
    return v instanceof String s ? s : "";
  }

  /** Invalid {@code managedFields}. */
  static final class InvalidException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Returns whether {@code value} (the {@code managedFields} entry of an object's metadata;
   * {@code present} whether the key exists) asks to reset managed fields: an empty list, or one
   * empty entry.
   */
  static boolean isReset(boolean present, @Nullable Object value) {
    if (!present || !(value instanceof List<?> l)) {
      return false;
    }
    return l.isEmpty() || (l.size() == 1 && l.get(0) instanceof Map<?, ?> m && m.isEmpty());
  }

  /** Decodes {@code value} (absent or null decodes as no owners). */
  static Managed decode(@Nullable Object value) throws InvalidException {
    Managed out = Managed.empty();
    if (value == null) {
      return out;
    }
    if (!(value instanceof List<?> entries)) {
      throw new InvalidException("managedFields is not a list");
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Map<?, ?> e)) {
        throw new InvalidException("managed fields entry " + i + " is not an object");
      }
      for (String k : List.of("manager", "operation", "apiVersion", "fieldsType", "subresource",
          "time")) {
        if (e.get(k) != null && !(e.get(k) instanceof String)) {
          throw new InvalidException("managed fields entry " + i + ": " + k + " is not a string");
        }
      }
      String operation = str(e.get("operation"));
      if (!operation.equals(APPLY) && !operation.equals(UPDATE)) {
        throw new InvalidException("operation must be `Apply` or `Update`");
      }
      String apiVersion = str(e.get("apiVersion"));
      if (apiVersion.isEmpty()) {
        throw new InvalidException("apiVersion must not be empty");
      }
      String fieldsType = str(e.get("fieldsType"));
      if (fieldsType.isEmpty()) {
        throw new InvalidException("missing fieldsType in managed fields entry " + i);
      }
      if (!fieldsType.equals("FieldsV1")) {
        throw new InvalidException("invalid fieldsType " + GoQuote.quote(fieldsType)
            + " in managed fields entry " + i);
      }
      FieldSet set;
      try {
        set = FieldsV1.decode(e.containsKey("fieldsV1") ? e.get("fieldsV1") : Map.of());
      } catch (IllegalArgumentException bad) {
        throw new InvalidException("error decoding versioned set: " + bad.getMessage());
      }
      String id = new Identity(str(e.get("manager")), operation, apiVersion,
          str(e.get("subresource"))).id();
      out.fields().put(id, new VersionedSet(set, apiVersion, operation.equals(APPLY)));
      if (e.get("time") instanceof String t) {
        out.times().put(id, parseTime(t));
      } else {
        out.times().remove(id);
      }
    }
    return out;
  }

  private static Instant parseTime(String t) throws InvalidException {
    try {
      return OffsetDateTime.parse(t).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw new InvalidException("invalid time " + GoQuote.quote(t));
    }
  }

  /** Returns the encoded entries, or null when there are no owners (the field is then omitted). */
  static @Nullable List<Map<String, Object>> encode(Managed managed) {
    if (managed.fields().isEmpty()) {
      return null;
    }
    record Row(Identity id, @Nullable Instant time, Map<String, Object> entry) {}
    List<Row> rows = new ArrayList<>();
    managed.fields().forEach((id, vs) -> {
      Identity parsed = Identity.parse(id);
      if (parsed == null) {
        throw new IllegalStateException("not a manager identifier: " + id);
      }
      String operation = vs.applied() ? APPLY : parsed.operation();
      Identity full = new Identity(parsed.manager(), operation, vs.apiVersion(),
          parsed.subresource());
      Instant time = managed.times().get(id);
      Map<String, Object> e = new LinkedHashMap<>();
      put(e, "manager", full.manager());
      put(e, "operation", full.operation());
      put(e, "apiVersion", full.apiVersion());
      if (time != null) {
        e.put("time", time.toString());
      }
      e.put("fieldsType", "FieldsV1");
      e.put("fieldsV1", FieldsV1.encode(vs.set()));
      put(e, "subresource", full.subresource());
      rows.add(new Row(full, time, e));
    });
    rows.sort(Comparator.<Row, String>comparing(r -> r.id().operation(), GoQuote::compare)
        .thenComparingLong(r -> r.time() == null ? 0 : r.time().getEpochSecond())
        .thenComparing(r -> r.id().manager(), GoQuote::compare)
        .thenComparing(r -> r.id().apiVersion(), GoQuote::compare)
        .thenComparing(r -> r.id().subresource(), GoQuote::compare));
    return rows.stream().map(Row::entry).toList();
  }

  private static void put(Map<String, Object> e, String key, String value) {
    if (!value.isEmpty()) {
      e.put(key, value);
    }
  }
}
