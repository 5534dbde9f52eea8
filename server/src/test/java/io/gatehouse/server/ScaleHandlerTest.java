package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScaleHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  private static final String SCALE = DEPLOYMENTS + "/web/scale";

  private final List<WriteRequest> admitted = new ArrayList<>();
  private final RestFixture api = new RestFixture(user -> request -> {
    admitted.add(request);
    return List.of();
  });

  @BeforeEach
  void deployment() {
    ApiResponse r = api.json("POST", DEPLOYMENTS, """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"replicas":2,"selector":{"matchLabels":{"tier":"front","app":"web"},
           "matchExpressions":[{"key":"env","operator":"NotIn","values":["qa","dev"]},
                               {"key":"canary","operator":"DoesNotExist"}]},
          "template":{"metadata":{"labels":{"app":"web","tier":"front"}},
                      "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    admitted.clear();
  }

  private JsonNode json(ApiResponse r) throws Exception {
    return JSON.readTree(r.bodyText());
  }

  @Test
  void get_deployment_scaleWithSelectorString() throws Exception {
    JsonNode scale = json(api.json("GET", SCALE, ""));

    assertThat(scale.get("kind").asText()).isEqualTo("Scale");
    assertThat(scale.get("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.get("spec").toString()).isEqualTo("{\"replicas\":2}");
    assertThat(scale.get("status").get("selector").asText())
        .isEqualTo("app=web,!canary,env notin (dev,qa),tier=front");
    assertThat(scale.get("status").get("replicas").asLong()).isZero();
    assertThat(scale.get("metadata").fieldNames()).toIterable()
        .containsExactly("name", "namespace", "uid", "resourceVersion", "creationTimestamp");
  }

  @Test
  void patch_mergePatch_changesOnlyReplicasAndAdmitsScales() throws Exception {
    ApiResponse r = api.send("PATCH", SCALE, "{\"spec\":{\"replicas\":5}}",
        "Content-Type", "application/merge-patch+json");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(json(r).get("spec").get("replicas").asLong()).isEqualTo(5);
    JsonNode deployment = json(api.json("GET", DEPLOYMENTS + "/web", ""));
    assertThat(deployment.get("spec").get("replicas").asLong()).isEqualTo(5);
    assertThat(deployment.get("metadata").get("generation").asLong()).isEqualTo(2);
    assertThat(admitted).singleElement().satisfies(w -> {
      assertThat(w.subresource()).isEqualTo("scale");
      assertThat(w.kind().toString()).contains("Scale");
      assertThat(w.object().kind()).isEqualTo("Scale");
      assertThat(w.oldObject().object().get("spec")).isEqualTo(java.util.Map.of("replicas", 2L));
    });
  }

  @Test
  void update_staleResourceVersion_conflictOnTheParent() {
    ApiResponse r = api.json("PUT", SCALE, """
        {"apiVersion":"autoscaling/v1","kind":"Scale",
         "metadata":{"name":"web","namespace":"default","resourceVersion":"1"},
         "spec":{"replicas":3}}""");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.bodyText()).contains("Operation cannot be fulfilled on deployments.apps "
        + "\\\"web\\\": the object has been modified");
  }

  @Test
  void update_negativeReplicas_invalidScale() {
    ApiResponse r = api.json("PUT", SCALE, """
        {"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web"},
         "spec":{"replicas":-1}}""");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.bodyText()).contains("Scale.autoscaling \\\"web\\\" is invalid: spec.replicas: "
        + "Invalid value: -1: must be greater than or equal to 0");
  }

  @Test
  void get_resourceWithoutScale_notFound() {
    api.json("POST", "/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"c\"}}");

    assertThat(api.json("GET", "/api/v1/namespaces/default/configmaps/c/scale", "").status())
        .isEqualTo(404);
  }
}
