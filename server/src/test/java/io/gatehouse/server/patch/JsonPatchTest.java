package io.gatehouse.server.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Case(String name, String doc, String patch, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("add member", "{'a':1}", "[{'op':'add','path':'/b','value':2}]", "{'a':1,'b':2}"),
        new Case("add to end of array", "{'a':[1]}", "[{'op':'add','path':'/a/-','value':2}]",
            "{'a':[1,2]}"),
        new Case("insert into array", "{'a':[1,3]}", "[{'op':'add','path':'/a/1','value':2}]",
            "{'a':[1,2,3]}"),
        new Case("remove", "{'a':1,'b':2}", "[{'op':'remove','path':'/a'}]", "{'b':2}"),
        new Case("replace", "{'a':1}", "[{'op':'replace','path':'/a','value':3}]", "{'a':3}"),
        new Case("move", "{'a':1}", "[{'op':'move','from':'/a','path':'/b'}]", "{'b':1}"),
        new Case("copy", "{'a':{'x':1}}", "[{'op':'copy','from':'/a','path':'/b'}]",
            "{'a':{'x':1},'b':{'x':1}}"),
        new Case("escaped pointer", "{'a/b':1}", "[{'op':'replace','path':'/a~1b','value':2}]",
            "{'a/b':2}"),
        new Case("test then add", "{'a':1}",
            "[{'op':'test','path':'/a','value':1},{'op':'add','path':'/c','value':0}]",
            "{'a':1,'c':0}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void apply_case_matchesRfc6902(Case c) throws Exception {
    Object result = JsonPatch.apply(read(c.doc()), read(c.patch()));
    assertThat(JSON.writeValueAsString(result)).isEqualTo(JSON.writeValueAsString(read(c.expected())));
  }

  @org.junit.jupiter.api.Test
  void apply_failedTest_reportsUpstreamText() {
    assertThatThrownBy(() -> JsonPatch.apply(read("{'a':1}"),
        read("[{'op':'test','path':'/a','value':2}]")))
        .isInstanceOf(PatchException.class).hasMessage("testing value /a failed: test failed");
  }

  @org.junit.jupiter.api.Test
  void apply_removeMissing_fails() {
    assertThatThrownBy(() -> JsonPatch.apply(read("{'a':1}"), read("[{'op':'remove','path':'/b'}]")))
        .isInstanceOf(PatchException.class).hasMessageContaining("nonexistent key: b");
  }

  private static Object read(String singleQuoted) throws Exception {
    return JSON.readValue(singleQuoted.replace('\'', '"'), Object.class);
  }
}
