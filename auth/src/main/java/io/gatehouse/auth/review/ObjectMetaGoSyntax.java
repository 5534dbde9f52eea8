package io.gatehouse.auth.review;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GoSyntax;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A review's decoded {@code metadata} as Kubernetes 1.33's {@code field.Error} prints a {@code
 * metav1.ObjectMeta} bad value: Go's {@code %#v}, {@code v1.ObjectMeta{Name:"x", …,
 * ManagedFields:[]v1.ManagedFieldsEntry(nil)}} with every field in struct order. Timestamps print
 * through {@code time.Time}'s {@code GoString}: the zero time as {@code time.Date(1,
 * time.January, 1, 0, 0, 0, 0, time.UTC)}, a decoded one (which the API server moves to its local
 * zone) as {@code time.Date(…, time.Local)} with the wall clock in UTC, the zone of a server
 * started without {@code TZ}. A set pointer to a scalar or to {@code FieldsV1} prints as its
 * address in Go, which cannot be reproduced: Gatehouse prints {@value #ADDRESS}. Stateless.
 */
final class ObjectMetaGoSyntax {

  static final String ADDRESS = "0xc000000000";
  private static final String ZERO_TIME = "time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)";
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December"};

  private ObjectMetaGoSyntax() {}

  /** {@code %#v} of the {@code metav1.ObjectMeta} decoded from {@code metadata}. */
  static String render(Map<?, ?> metadata) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Name", string(metadata.get("name")));
    fields.put("GenerateName", string(metadata.get("generateName")));
    fields.put("Namespace", string(metadata.get("namespace")));
    fields.put("SelfLink", string(metadata.get("selfLink")));
    fields.put("UID", string(metadata.get("uid")));
    fields.put("ResourceVersion", string(metadata.get("resourceVersion")));
    fields.put("Generation", metadata.get("generation") instanceof Number n
        ? Long.toString(n.longValue()) : "0");
    fields.put("CreationTimestamp", time(metadata.get("creationTimestamp"), ZERO_TIME));
    fields.put("DeletionTimestamp", time(metadata.get("deletionTimestamp"), "<nil>"));
    fields.put("DeletionGracePeriodSeconds",
        pointer("int64", metadata.get("deletionGracePeriodSeconds")));
    fields.put("Labels", GoSyntax.stringMap(stringMap(metadata.get("labels"))));
    fields.put("Annotations", GoSyntax.stringMap(stringMap(metadata.get("annotations"))));
    fields.put("OwnerReferences", GoSyntax.slice("[]v1.OwnerReference",
        elements(metadata.get("ownerReferences"), ObjectMetaGoSyntax::ownerReference)));
    fields.put("Finalizers", GoSyntax.slice("[]string",
        elements(metadata.get("finalizers"), ObjectMetaGoSyntax::string)));
    fields.put("ManagedFields", GoSyntax.slice("[]v1.ManagedFieldsEntry",
        elements(metadata.get("managedFields"), ObjectMetaGoSyntax::managedFieldsEntry)));
    return struct("v1.ObjectMeta", fields);
  }

  private static String ownerReference(@Nullable Object o) {
    Map<?, ?> ref = o instanceof Map<?, ?> m ? m : Map.of();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("APIVersion", string(ref.get("apiVersion")));
    fields.put("Kind", string(ref.get("kind")));
    fields.put("Name", string(ref.get("name")));
    fields.put("UID", string(ref.get("uid")));
    fields.put("Controller", pointer("bool", ref.get("controller")));
    fields.put("BlockOwnerDeletion", pointer("bool", ref.get("blockOwnerDeletion")));
    return struct("v1.OwnerReference", fields);
  }

  private static String managedFieldsEntry(@Nullable Object o) {
    Map<?, ?> entry = o instanceof Map<?, ?> m ? m : Map.of();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Manager", string(entry.get("manager")));
    fields.put("Operation", string(entry.get("operation")));
    fields.put("APIVersion", string(entry.get("apiVersion")));
    fields.put("Time", time(entry.get("time"), "<nil>"));
    fields.put("FieldsType", string(entry.get("fieldsType")));
    fields.put("FieldsV1", pointer("v1.FieldsV1", entry.get("fieldsV1")));
    fields.put("Subresource", string(entry.get("subresource")));
    return struct("v1.ManagedFieldsEntry", fields);
  }

  private static String struct(String type, Map<String, String> fields) {
    StringJoiner out = new StringJoiner(", ", type + "{", "}");
    fields.forEach((name, value) -> out.add(name + ":" + value));
    return out.toString();
  }

  private static String string(@Nullable Object v) {
    return GoQuote.quote(v instanceof String s ? s : "");
  }

  private static String pointer(String type, @Nullable Object v) {
    return "(*" + type + ")(" + (v == null ? "nil" : ADDRESS) + ")";
  }

  private static @Nullable Map<String, String> stringMap(@Nullable Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, value) -> out.put(String.valueOf(k), value instanceof String s ? s : ""));
    return out;
  }

  private static @Nullable List<String> elements(@Nullable Object v,
      java.util.function.Function<@Nullable Object, String> element) {
    if (!(v instanceof List<?> l)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    l.forEach(e -> out.add(element.apply(e)));
    return out;
  }

  /** {@code time.Time.GoString} of a decoded RFC 3339 timestamp, {@code absent} without one. */
  private static String time(@Nullable Object v, String absent) {
    if (!(v instanceof String s) || s.isEmpty()) {
      return absent;
    }
    LocalDateTime t;
    try {
      t = OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (DateTimeParseException e) {
      return absent;
    }
    return "time.Date(" + t.getYear() + ", time." + MONTHS[t.getMonthValue() - 1] + ", "
        + t.getDayOfMonth() + ", " + t.getHour() + ", " + t.getMinute() + ", " + t.getSecond()
        + ", " + t.getNano() + ", time.Local)";
  }
}
