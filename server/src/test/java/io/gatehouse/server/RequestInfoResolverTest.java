package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of upstream's requestinfo_test.go (TestGetAPIRequestInfo, TestSelectorParsing…). */
class RequestInfoResolverTest {

  private static final RequestInfoResolver RESOLVER = new RequestInfoResolver();

  private record Case(String method, String url, String verb, String prefix, String group,
      String version, String namespace, String resource, String subresource, String name,
      List<String> parts) {
    @Override
    public String toString() {
      return method + " " + url;
    }
  }

  private static Case c(String method, String url, String verb, String prefix, String group,
      String version, String namespace, String resource, String subresource, String name,
      String... parts) {
    return new Case(method, url, verb, prefix, group, version, namespace, resource, subresource,
        name, List.of(parts));
  }

  static Stream<Case> resourceCases() {
    return Stream.of(
        c("GET", "/api/v1/namespaces", "list", "api", "", "v1", "", "namespaces", "", "", "namespaces"),
        c("GET", "/api/v1/namespaces/other", "get", "api", "", "v1", "other", "namespaces", "", "other", "namespaces", "other"),
        c("GET", "/api/v1/namespaces/other/pods", "list", "api", "", "v1", "other", "pods", "", "", "pods"),
        c("GET", "/api/v1/namespaces/other/pods/foo", "get", "api", "", "v1", "other", "pods", "", "foo", "pods", "foo"),
        c("HEAD", "/api/v1/namespaces/other/pods/foo", "get", "api", "", "v1", "other", "pods", "", "foo", "pods", "foo"),
        c("GET", "/api/v1/pods", "list", "api", "", "v1", "", "pods", "", "", "pods"),
        c("HEAD", "/api/v1/pods", "list", "api", "", "v1", "", "pods", "", "", "pods"),
        c("GET", "/api/v1/proxy/namespaces/other/pods/foo", "proxy", "api", "", "v1", "other", "pods", "", "foo", "pods", "foo"),
        c("GET", "/api/v1/proxy/namespaces/other/pods/foo/subpath/not/a/subresource", "proxy", "api", "", "v1", "other", "pods", "", "foo", "pods", "foo", "subpath", "not", "a", "subresource"),
        c("GET", "/api/v1/watch/pods", "watch", "api", "", "v1", "", "pods", "", "", "pods"),
        c("GET", "/api/v1/pods?watch=true", "watch", "api", "", "v1", "", "pods", "", "", "pods"),
        c("GET", "/api/v1/pods?watch=false", "list", "api", "", "v1", "", "pods", "", "", "pods"),
        c("GET", "/api/v1/watch/namespaces/other/pods", "watch", "api", "", "v1", "other", "pods", "", "", "pods"),
        c("GET", "/api/v1/namespaces/other/pods?watch=1", "watch", "api", "", "v1", "other", "pods", "", "", "pods"),
        c("GET", "/api/v1/namespaces/other/pods?watch=0", "list", "api", "", "v1", "other", "pods", "", "", "pods"),
        c("GET", "/api/v1/namespaces/other/pods/foo/status", "get", "api", "", "v1", "other", "pods", "status", "foo", "pods", "foo", "status"),
        c("GET", "/api/v1/namespaces/other/pods/foo/proxy/subpath", "get", "api", "", "v1", "other", "pods", "proxy", "foo", "pods", "foo", "proxy", "subpath"),
        c("PUT", "/api/v1/namespaces/other/finalize", "update", "api", "", "v1", "other", "namespaces", "finalize", "other", "namespaces", "other", "finalize"),
        c("PUT", "/api/v1/namespaces/other/status", "update", "api", "", "v1", "other", "namespaces", "status", "other", "namespaces", "other", "status"),
        c("PATCH", "/api/v1/namespaces/other/pods/foo", "patch", "api", "", "v1", "other", "pods", "", "foo", "pods", "foo"),
        c("DELETE", "/api/v1/namespaces/other/pods/foo", "delete", "api", "", "v1", "other", "pods", "", "foo", "pods", "foo"),
        c("POST", "/api/v1/namespaces/other/pods", "create", "api", "", "v1", "other", "pods", "", "", "pods"),
        c("DELETE", "/api/v1/nodes", "deletecollection", "api", "", "v1", "", "nodes", "", "", "nodes"),
        c("DELETE", "/api/v1/namespaces", "deletecollection", "api", "", "v1", "", "namespaces", "", "", "namespaces"),
        c("DELETE", "/api/v1/namespaces/other/pods", "deletecollection", "api", "", "v1", "other", "pods", "", "", "pods"),
        c("DELETE", "/apis/extensions/v1/namespaces/other/pods", "deletecollection", "apis", "extensions", "v1", "other", "pods", "", "", "pods"),
        c("POST", "/apis/extensions/v1/namespaces/other/pods", "create", "apis", "extensions", "v1", "other", "pods", "", "", "pods"),
        c("POST", "/apis/extensions/v1beta3/namespaces/other/pods", "create", "apis", "extensions", "v1beta3", "other", "pods", "", "", "pods"),
        c("OPTIONS", "/api/v1/pods", "", "api", "", "v1", "", "pods", "", "", "pods"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceCases")
  void resolve_resourcePath_matchesUpstream(Case c) {
    RequestInfo info = resolve(c.method(), c.url());
    assertThat(info).isEqualTo(new RequestInfo(true, path(c.url()), c.verb(), c.prefix(), c.group(),
        c.version(), c.namespace(), c.resource(), c.subresource(), c.name(), c.parts(), "", ""));
  }

  static Stream<String> nonResourcePaths() {
    return Stream.of("/", "/api/version/", "/apis/group/version/", "/badprefix/version/resource",
        "/apis/version/resource", "/not-api/version/resource", "/apis/extensions/v1beta1",
        "/apis/extensions/v1beta1/", "/api/version", "/api", "", "/healthz", "/version");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("nonResourcePaths")
  void resolve_nonResourcePath_lowerCaseMethodAsVerb(String path) {
    assertThat(resolve("GET", path)).isEqualTo(RequestInfo.nonResource(path, "GET"));
  }

  private record SelectorCase(String name, String method, String url, String expectedName,
      String verb, String fieldSelector, String labelSelector) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<SelectorCase> selectorCases() {
    return Stream.of(
        new SelectorCase("no selector", "GET", "/apis/group/version/resource", "", "list", "", ""),
        new SelectorCase("metadata.name selector", "GET", "/apis/group/version/resource?fieldSelector=metadata.name=name1", "name1", "list", "metadata.name=name1", ""),
        new SelectorCase("metadata.name selector with watch", "GET", "/apis/group/version/resource?watch=true&fieldSelector=metadata.name=name1", "name1", "watch", "metadata.name=name1", ""),
        new SelectorCase("random selector", "GET", "/apis/group/version/resource?fieldSelector=foo=bar&labelSelector=baz=qux", "", "list", "foo=bar", "baz=qux"),
        new SelectorCase("invalid selector with metadata.name", "GET", "/apis/group/version/resource?fieldSelector=metadata.name=name1,foo", "", "list", "metadata.name=name1,foo", ""),
        new SelectorCase("invalid selector with metadata.name with watch", "GET", "/apis/group/version/resource?fieldSelector=metadata.name=name1,foo&watch=true", "", "watch", "metadata.name=name1,foo", ""),
        new SelectorCase("invalid selector with metadata.name with watch false", "GET", "/apis/group/version/resource?fieldSelector=metadata.name=name1,foo&watch=false", "", "list", "metadata.name=name1,foo", ""),
        new SelectorCase("selector on deletecollection is honored", "DELETE", "/apis/group/version/resource?fieldSelector=foo=bar&labelSelector=baz=qux", "", "deletecollection", "foo=bar", "baz=qux"),
        new SelectorCase("selector on repeated param matches parsed param", "GET", "/apis/group/version/resource?fieldSelector=metadata.name=foo&fieldSelector=metadata.name=bar&labelSelector=foo=bar&labelSelector=foo=baz", "foo", "list", "metadata.name=foo", "foo=bar"),
        new SelectorCase("selector on other verb is ignored", "GET", "/apis/group/version/resource/name?fieldSelector=foo=bar&labelSelector=foo=bar", "name", "get", "", ""),
        new SelectorCase("selector on deprecated root type watch is not parsed", "GET", "/apis/group/version/watch/resource?fieldSelector=metadata.name=foo&labelSelector=foo=bar", "", "watch", "", ""),
        new SelectorCase("selector on deprecated root item watch is not parsed", "GET", "/apis/group/version/watch/resource/name?fieldSelector=metadata.name=foo&labelSelector=foo=bar", "name", "watch", "", ""),
        new SelectorCase("invalid limit drops the name", "GET", "/api/v1/pods?limit=x&fieldSelector=metadata.name%3Dp", "", "list", "metadata.name=p", ""),
        new SelectorCase("name that is no path segment is dropped", "GET", "/api/v1/pods?fieldSelector=metadata.name%3Da%2Fb", "", "list", "metadata.name=a/b", ""),
        new SelectorCase("double equals selects the name", "GET", "/api/v1/pods?fieldSelector=metadata.name%3D%3Dp", "p", "list", "metadata.name==p", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectorCases")
  void resolve_selectors_matchUpstream(SelectorCase c) {
    RequestInfo info = resolve(c.method(), c.url());
    assertThat(List.of(info.name(), info.verb(), info.fieldSelector(), info.labelSelector()))
        .containsExactly(c.expectedName(), c.verb(), c.fieldSelector(), c.labelSelector());
  }

  @Test
  void resolve_pathVerbWithoutResource_failsWithUpstreamText() {
    assertThatThrownBy(() -> resolve("GET", "/api/v1/watch"))
        .isInstanceOf(RequestInfoResolver.RequestInfoException.class)
        .hasMessage("unable to determine kind and namespace from url, /api/v1/watch");
  }

  private static RequestInfo resolve(String method, String url) {
    ApiRequest r = ApiRequest.of(method, url, Headers.EMPTY);
    return RESOLVER.resolve(method, r.path(), r.requestUri(), r.query());
  }

  private static String path(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
