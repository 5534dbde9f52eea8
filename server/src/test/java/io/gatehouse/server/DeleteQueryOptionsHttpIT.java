package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DeleteOptions sent as query parameters (no body) over HTTPS to {@code gatehouse server}, as
 * clients without a body send them: parsed as kube-apiserver 1.33's parameter codec parses them,
 * validated, and honoured by the garbage collector.
 */
class DeleteQueryOptionsHttpIT {

  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  private static final Pattern UID = Pattern.compile("\"uid\":\"([^\"]+)\"");

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    try (HttpClient client = server.adminHttp().build()) {
      return client.send(HttpRequest.newBuilder(URI.create(server.url() + path))
          .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  /** Creates config map {@code owner} and config map {@code dependent}, which it owns. */
  private static void ownerAndDependent(String owner, String dependent) throws Exception {
    HttpResponse<String> o = send("POST", CMS, "{\"metadata\":{\"name\":\"" + owner + "\"}}");
    assertThat(o.statusCode()).as(o.body()).isEqualTo(201);
    Matcher uid = UID.matcher(o.body());
    assertThat(uid.find()).isTrue();
    HttpResponse<String> d = send("POST", CMS, "{\"metadata\":{\"name\":\"" + dependent
        + "\",\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\""
        + owner + "\",\"uid\":\"" + uid.group(1) + "\"}]}}");
    assertThat(d.statusCode()).as(d.body()).isEqualTo(201);
  }

  private static int awaitStatus(String path, int wanted) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    int status;
    do {
      status = send("GET", path, "").statusCode();
      if (status == wanted) {
        return status;
      }
      Thread.sleep(100);
    } while (Instant.now().isBefore(deadline));
    return status;
  }

  @Test
  void delete_orphanPolicyInQuery_dependentKeptWithoutOwnerReference() throws Exception {
    ownerAndDependent("owner-o", "dep-o");

    HttpResponse<String> r = send("DELETE", CMS + "/owner-o?propagationPolicy=Orphan", "");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"finalizers\":[\"orphan\"]");
    assertThat(awaitStatus(CMS + "/owner-o", 404)).isEqualTo(404);
    HttpResponse<String> dep = send("GET", CMS + "/dep-o", "");
    assertThat(dep.statusCode()).isEqualTo(200);
    assertThat(dep.body()).doesNotContain("\"ownerReferences\":");
  }

  @Test
  void delete_backgroundPolicyInQuery_dependentCollected() throws Exception {
    ownerAndDependent("owner-b", "dep-b");

    HttpResponse<String> r = send("DELETE", CMS + "/owner-b?propagationPolicy=Background", "");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(awaitStatus(CMS + "/dep-b", 404)).isEqualTo(404);
  }

  @Test
  void delete_nonIntegerGracePeriod_400FromTheParameterCodec() throws Exception {
    send("POST", CMS, "{\"metadata\":{\"name\":\"grace\"}}");

    HttpResponse<String> r = send("DELETE", CMS + "/grace?gracePeriodSeconds=abc", "");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
        + "\"status\":\"Failure\",\"message\":\"strconv.ParseInt: parsing \\\"abc\\\": invalid "
        + "syntax\",\"reason\":\"BadRequest\",\"code\":400}\n");
    assertThat(send("GET", CMS + "/grace", "").statusCode()).isEqualTo(200);
  }

  @Test
  void deleteCollection_orphanDependentsWithPolicyInQuery_422() throws Exception {
    HttpResponse<String> r = send("DELETE",
        CMS + "?labelSelector=x%3Dy&orphanDependents=false&propagationPolicy=Foreground", "");

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
        + "\"status\":\"Failure\",\"message\":\"DeleteOptions.meta.k8s.io \\\"\\\" is invalid: "
        + "propagationPolicy: Invalid value: \\\"Foreground\\\": orphanDependents and "
        + "deletionPropagation cannot be both set\",\"reason\":\"Invalid\",\"details\":{"
        + "\"group\":\"meta.k8s.io\",\"kind\":\"DeleteOptions\",\"causes\":[{\"reason\":"
        + "\"FieldValueInvalid\",\"message\":\"Invalid value: \\\"Foreground\\\": orphanDependents "
        + "and deletionPropagation cannot be both set\",\"field\":\"propagationPolicy\"}]},"
        + "\"code\":422}\n");
  }
}
