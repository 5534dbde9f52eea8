package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupVersionKind;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestBodiesTest {

  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  private record ParseCase(String name, String contentType, @Nullable String mediaType) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ParseCase> contentTypes() {
    return Stream.of(
        new ParseCase("plain", "application/json", "application/json"),
        new ParseCase("parameters dropped", "application/json; charset=utf-8", "application/json"),
        new ParseCase("case folded", "Application/VND.Kubernetes.Protobuf", PROTOBUF),
        new ParseCase("trailing semicolon", "application/yaml;", "application/yaml"),
        new ParseCase("type without subtype", "application", "application"),
        new ParseCase("empty subtype", "application/", null),
        new ParseCase("no type", "/json", null),
        new ParseCase("parameter without a name", "application/json; =x", null),
        new ParseCase("parameter without a value", "application/json; charset", null),
        new ParseCase("space inside", "application/js on", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contentTypes")
  void parse_contentType_givesGoMediaType(ParseCase c) {
    assertThat(RequestBodies.parse(c.contentType())).isEqualTo(c.mediaType());
  }

  private record KindCase(String name, GroupVersionKind kind, List<String> accepted) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<KindCase> kinds() {
    List<String> withProtobuf = List.of("application/json", "application/yaml", PROTOBUF);
    List<String> text = List.of("application/json", "application/yaml");
    return Stream.of(
        new KindCase("built-in with a table", new GroupVersionKind("apps", "v1", "Deployment"),
            withProtobuf),
        new KindCase("review with a table",
            new GroupVersionKind("authentication.k8s.io", "v1", "SelfSubjectReview"),
            withProtobuf),
        new KindCase("built-in without a table", new GroupVersionKind("", "v1", "Node"), text),
        new KindCase("custom resource", new GroupVersionKind("example.com", "v1", "Widget"),
            text));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void accepted_kind_listsUpstreamMediaTypesWhereDecodable(KindCase c) {
    assertThat(RequestBodies.accepted(c.kind())).isEqualTo(c.accepted());
  }
}
