package io.gatehouse.auth.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectMetaGoSyntaxTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMPTY_TAIL = "Labels:map[string]string(nil), "
      + "Annotations:map[string]string(nil), OwnerReferences:[]v1.OwnerReference(nil), "
      + "Finalizers:[]string(nil), ManagedFields:[]v1.ManagedFieldsEntry(nil)}";

  private record Case(String name, String metadata, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("empty", "{}", "v1.ObjectMeta{Name:\"\", GenerateName:\"\", Namespace:\"\", "
            + "SelfLink:\"\", UID:\"\", ResourceVersion:\"\", Generation:0, "
            + "CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), "
            + "DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), " + EMPTY_TAIL),
        new Case("scalars, timestamps in the server's zone, pointers", """
            {"name":"a\\"b","uid":"u-1","resourceVersion":"7","generation":3,
             "creationTimestamp":"2024-02-29T23:30:05+01:00",
             "deletionTimestamp":"2024-03-01T00:00:00.25Z","deletionGracePeriodSeconds":30}""",
            "v1.ObjectMeta{Name:\"a\\\"b\", GenerateName:\"\", Namespace:\"\", SelfLink:\"\", "
                + "UID:\"u-1\", ResourceVersion:\"7\", Generation:3, "
                + "CreationTimestamp:time.Date(2024, time.February, 29, 22, 30, 5, 0, "
                + "time.Local), DeletionTimestamp:time.Date(2024, time.March, 1, 0, 0, 0, "
                + "250000000, time.Local), DeletionGracePeriodSeconds:(*int64)(0xc000000000), "
                + EMPTY_TAIL),
        new Case("maps sorted, empty lists kept, nested structs", """
            {"labels":{"b":"2","a":"1"},"annotations":{},"finalizers":["x","y"],
             "ownerReferences":[{"apiVersion":"v1","kind":"Pod","name":"p","uid":"9",
               "controller":true}],
             "managedFields":[{"manager":"m","operation":"Apply","time":"2025-01-01T00:00:00Z",
               "fieldsV1":{}}]}""",
            "v1.ObjectMeta{Name:\"\", GenerateName:\"\", Namespace:\"\", SelfLink:\"\", "
                + "UID:\"\", ResourceVersion:\"\", Generation:0, CreationTimestamp:time.Date(1, "
                + "time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, "
                + "DeletionGracePeriodSeconds:(*int64)(nil), "
                + "Labels:map[string]string{\"a\":\"1\", \"b\":\"2\"}, "
                + "Annotations:map[string]string{}, "
                + "OwnerReferences:[]v1.OwnerReference{v1.OwnerReference{APIVersion:\"v1\", "
                + "Kind:\"Pod\", Name:\"p\", UID:\"9\", Controller:(*bool)(0xc000000000), "
                + "BlockOwnerDeletion:(*bool)(nil)}}, Finalizers:[]string{\"x\", \"y\"}, "
                + "ManagedFields:[]v1.ManagedFieldsEntry{v1.ManagedFieldsEntry{Manager:\"m\", "
                + "Operation:\"Apply\", APIVersion:\"\", Time:time.Date(2025, time.January, 1, "
                + "0, 0, 0, 0, time.Local), FieldsType:\"\", "
                + "FieldsV1:(*v1.FieldsV1)(0xc000000000), Subresource:\"\"}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void render_metadata_goSyntax(Case c) throws Exception {
    Map<?, ?> metadata = JSON.readValue(c.metadata(), Map.class);

    assertThat(ObjectMetaGoSyntax.render(metadata)).isEqualTo(c.expected());
  }
}
