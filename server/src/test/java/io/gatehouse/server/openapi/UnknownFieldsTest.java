package io.gatehouse.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnknownFieldsTest {

  private record Case(String name, String definition, String json, List<String> unknown) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> objects() {
    String pod = "io.k8s.api.core.v1.Pod";
    String deployment = "io.k8s.api.apps.v1.Deployment";
    return Stream.of(
        new Case("known fields only", pod, """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"}},
             "spec":{"containers":[{"name":"c","image":"i","resources":{"limits":{"cpu":"1"}}}]}}
            """, List.of()),
        new Case("top level", pod, "{\"spec\":{},\"extra\":1}", List.of("extra")),
        new Case("list item", pod, """
            {"spec":{"containers":[{"name":"a"},{"name":"b","imagePolicy":"x"}]}}
            """, List.of("spec.containers[1].imagePolicy")),
        new Case("map values are free", pod,
            "{\"metadata\":{\"annotations\":{\"anything\":\"goes\"}}}", List.of()),
        new Case("in a map value's object", deployment, """
            {"spec":{"template":{"spec":{"nodeSelector":{"k":"v"},"overhead":{"x":"1"}},
             "metadata":{"nam":"typo"}}}}
            """, List.of("spec.template.metadata.nam")),
        new Case("document order", deployment, "{\"b\":1,\"spec\":{\"z\":1},\"a\":1}",
            List.of("b", "spec.z", "a")),
        new Case("raw extension accepts anything", "io.k8s.api.apps.v1.ControllerRevision",
            "{\"data\":{\"whatever\":{\"deep\":1}}}", List.of()),
        new Case("managed fields are free form", pod,
            "{\"metadata\":{\"managedFields\":[{\"fieldsV1\":{\"f:spec\":{}}}]}}", List.of()),
        new Case("unknown definition", "io.example.v1.Nothing", "{\"x\":1}", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void find_object_reportsUndeclaredFields(Case c) throws Exception {
    Map<String, Object> object = new ObjectMapper().readValue(c.json(),
        new TypeReference<Map<String, Object>>() {});
    assertThat(new UnknownFields(Definitions.builtin()).find(c.definition(), object))
        .containsExactlyElementsOf(c.unknown());
  }
}
