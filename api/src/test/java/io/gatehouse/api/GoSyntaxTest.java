package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoSyntaxTest {

  @Test
  void strings_nilEmptyAndValues_goSyntax() {
    assertThat(GoSyntax.strings(null)).isEqualTo("[]string(nil)");
    assertThat(GoSyntax.strings(List.of())).isEqualTo("[]string{}");
    assertThat(GoSyntax.strings(List.of("All", "a\tb"))).isEqualTo("[]string{\"All\", \"a\\tb\"}");
  }

  @Test
  void pointer_nilAndSet_typeAndAddress() {
    assertThat(GoSyntax.pointer("bool", false)).isEqualTo("(*bool)(nil)");
    assertThat(GoSyntax.pointer("apiextensions.FieldValueErrorReason", true))
        .isEqualTo("(*apiextensions.FieldValueErrorReason)(0xc000000000)");
  }

  @Test
  void struct_fieldsInOrder_goSyntax() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Name", "\"a\"");
    fields.put("Served", "true");
    assertThat(GoSyntax.struct("pkg.T", fields)).isEqualTo("pkg.T{Name:\"a\", Served:true}");
    assertThat(GoSyntax.struct("pkg.E", Map.of())).isEqualTo("pkg.E{}");
  }

  @Test
  void stringMap_entries_sortedByKey() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("z", "1");
    m.put("a", "\"q\"");
    assertThat(GoSyntax.stringMap(m)).isEqualTo("map[string]string{\"a\":\"\\\"q\\\"\", \"z\":\"1\"}");
    assertThat(GoSyntax.stringMap(null)).isEqualTo("map[string]string(nil)");
  }
}
