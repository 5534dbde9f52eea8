package io.gatehouse.server.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrategicMergePatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Case(String name, String kind, String original, String patch, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("labels merge", "ConfigMap", "{'metadata':{'labels':{'a':'1'}}}",
            "{'metadata':{'labels':{'b':'2'}}}", "{'metadata':{'labels':{'a':'1','b':'2'}}}"),
        new Case("null deletes a key", "ConfigMap", "{'data':{'a':'1','b':'2'}}",
            "{'data':{'a':null}}", "{'data':{'b':'2'}}"),
        new Case("containers merge by name", "Pod",
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}}",
            "{'spec':{'containers':[{'name':'b','image':'z'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'z'}]}}"),
        new Case("env merge inside deployment template", "Deployment",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'}]}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'Y','value':'2'}]}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'},{'name':'Y','value':'2'}]}]}}}}"),
        new Case("$patch delete removes element", "Pod",
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'a','$patch':'delete'}]}}",
            "{'spec':{'containers':[{'name':'b'}]}}"),
        new Case("$patch replace on a list", "Pod",
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'c'},{'$patch':'replace'}]}}",
            "{'spec':{'containers':[{'name':'c'}]}}"),
        new Case("$patch replace on a map", "ConfigMap", "{'data':{'a':'1'}}",
            "{'data':{'b':'2','$patch':'replace'}}", "{'data':{'b':'2'}}"),
        new Case("$patch delete on a map", "ConfigMap", "{'data':{'a':'1'},'x':1}",
            "{'data':{'$patch':'delete'}}", "{'x':1}"),
        new Case("tolerations replace", "Pod",
            "{'spec':{'tolerations':[{'key':'a'}]}}", "{'spec':{'tolerations':[{'key':'b'}]}}",
            "{'spec':{'tolerations':[{'key':'b'}]}}"),
        new Case("finalizers union", "ConfigMap", "{'metadata':{'finalizers':['a']}}",
            "{'metadata':{'finalizers':['b','a']}}", "{'metadata':{'finalizers':['a','b']}}"),
        new Case("$deleteFromPrimitiveList", "ConfigMap", "{'metadata':{'finalizers':['a','b']}}",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}",
            "{'metadata':{'finalizers':['b']}}"),
        new Case("$retainKeys clears others", "Deployment",
            "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}"),
        new Case("$setElementOrder reorders", "Pod",
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}],'containers':[{'name':'b','image':'i'}]}}",
            "{'spec':{'containers':[{'name':'b','image':'i'},{'name':'a'}]}}"),
        new Case("service ports merge by port", "Service",
            "{'spec':{'ports':[{'port':80,'name':'http'}]}}",
            "{'spec':{'ports':[{'port':443,'name':'https'}]}}",
            "{'spec':{'ports':[{'port':80,'name':'http'},{'port':443,'name':'https'}]}}"),
        new Case("unknown kind lists replace", "Widget", "{'spec':{'items':[1,2]}}",
            "{'spec':{'items':[3]}}", "{'spec':{'items':[3]}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void apply_case_matchesUpstream(Case c) throws Exception {
    Map<String, Object> result = StrategicMergePatch.apply(map(c.original()), map(c.patch()), c.kind());
    assertThat(JSON.writeValueAsString(result))
        .isEqualTo(JSON.writeValueAsString(map(c.expected())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void apply_case_leavesOriginalUnchanged(Case c) throws Exception {
    Map<String, Object> original = map(c.original());
    StrategicMergePatch.apply(original, map(c.patch()), c.kind());
    assertThat(original).isEqualTo(map(c.original()));
  }

  @org.junit.jupiter.api.Test
  void apply_missingMergeKey_fails() {
    assertThatThrownBy(() -> StrategicMergePatch.apply(map("{'spec':{'containers':[]}}"),
        map("{'spec':{'containers':[{'image':'x'}]}}"), "Pod"))
        .isInstanceOf(PatchException.class).hasMessageContaining("does not contain declared merge key: name");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String singleQuoted) throws Exception {
    return JSON.readValue(singleQuoted.replace('\'', '"'), Map.class);
  }
}
