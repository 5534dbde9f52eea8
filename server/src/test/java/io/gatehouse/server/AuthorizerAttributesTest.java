package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.SelectorOperator;
import io.gatehouse.api.authz.UserInfo;
import org.junit.jupiter.api.Test;

class AuthorizerAttributesTest {

  private static final UserInfo JANE = UserInfo.of("jane");

  private static RequestAttributes attributes(String method, String uri) {
    ApiRequest r = ApiRequest.of(method, uri, Headers.EMPTY);
    return AuthorizerAttributes.of(JANE,
        new RequestInfoResolver().resolve(method, r.path(), r.requestUri(), r.query()));
  }

  @Test
  void of_nonResource_pathAndLowerCaseVerb() {
    assertThat(attributes("GET", "/healthz?verbose")).isEqualTo(RequestAttributes.nonResource(JANE, "get", "/healthz"));
  }

  @Test
  void of_listWithSelectors_parsedRequirements() {
    RequestAttributes a = attributes("GET", "/api/v1/namespaces/ns/pods?fieldSelector=spec.nodeName%3Dn1&labelSelector=app%3Dweb");
    assertThat(a.verb()).isEqualTo("list");
    assertThat(a.fieldSelector()).containsExactly(
        new FieldSelectorRequirement("spec.nodeName", SelectorOperator.EQUALS, "n1"));
    assertThat(a.labelSelector()).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("app"));
  }

  @Test
  void of_unparsableLabelSelector_errorCarriedNoRequirements() {
    RequestAttributes a = attributes("GET", "/api/v1/pods?labelSelector=a%20in%20(");
    assertThat(a.labelSelector()).isEmpty();
    assertThat(a.labelSelectorError()).isNotEmpty();
  }

  @Test
  void of_namedGet_resourceFields() {
    assertThat(attributes("GET", "/apis/apps/v1/namespaces/ns/deployments/web/scale")).isEqualTo(
        RequestAttributes.resource(JANE, "get", "ns", "apps", "v1", "deployments", "scale", "web"));
  }
}
