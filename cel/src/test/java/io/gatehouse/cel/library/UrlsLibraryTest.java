package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UrlsLibraryTest {

  private static final Evaluator EVAL =
      Evaluator.of(
          Environment.builder(KubernetesVersion.of(1, 33), EnvironmentType.STORED_EXPRESSIONS)
              .variable("self", SimpleType.DYN)
              .build(),
          Map.of(
              "self",
              Map.of("url", "https://user:pass@kubernetes.io:80/docs/home?k1=a&k2=b&k2=c#anchor")));

  private record Case(String expression, Object expected) {
    @Override
    public String toString() {
      return expression;
    }
  }

  /** Upstream's "URL parsing" rules; each must evaluate to true. */
  static Stream<String> upstreamRules() {
    return Stream.of(
        "url('/path').getScheme() == ''",
        "url('https://example.com/').getScheme() == 'https'",
        "url('https://example.com:80/').getHost() == 'example.com:80'",
        "url('https://example.com/').getHost() == 'example.com'",
        "url('https://[::1]:80/').getHost() == '[::1]:80'",
        "url('https://[::1]/').getHost() == '[::1]'",
        "url('/path').getHost() == ''",
        "url('https://example.com:80/').getHostname() == 'example.com'",
        "url('https://127.0.0.1/').getHostname() == '127.0.0.1'",
        "url('https://[::1]/').getHostname() == '::1'",
        "url('/path').getHostname() == ''",
        "url('https://example.com:80/').getPort() == '80'",
        "url('https://example.com/').getPort() == ''",
        "url('/path').getPort() == ''",
        "url('https://example.com/path').getEscapedPath() == '/path'",
        "url('https://example.com/with space/').getEscapedPath() == '/with%20space/'",
        "url('https://example.com').getEscapedPath() == ''",
        "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() =="
            + " { 'k1': ['a'], 'k2': ['b', 'c']}",
        "url('https://example.com/path?key with spaces=value with spaces').getQuery() =="
            + " { 'key with spaces': ['value with spaces']}",
        "url('https://example.com/path?').getQuery() == {}",
        "url('https://example.com/path').getQuery() == {}",
        "url(self.url).getScheme() == 'https'",
        "url(self.url).getHost() == 'kubernetes.io:80'",
        "url(self.url).getHostname() == 'kubernetes.io'",
        "url(self.url).getPort() == '80'",
        "url(self.url).getEscapedPath() == '/docs/home'",
        "url(self.url).getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}",
        "isURL('https://user:pass@example.com:80/path?query=val#fragment')",
        "isURL('/path') == true",
        "isURL('https://a:b:c/') == false",
        "isURL('../relative-path') == false",
        // the library's documented examples
        "url('https://example.com/path with spaces/').getEscapedPath()"
            + " == '/path%20with%20spaces/'",
        "url('https://[::1]:80/').getHostname() == '::1'",
        "url('https://127.0.0.1:80/').getHostname() == '127.0.0.1'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamRules")
  void evaluate_upstreamRule_isTrue(String expression) {
    assertThat(EVAL.value(expression)).isEqualTo(true);
  }

  /** Go's net/url behaviour behind the accessors. */
  static Stream<Case> values() {
    return Stream.of(
        new Case("url('mailto:user@example.com').getScheme()", "mailto"),
        new Case("url('mailto:user@example.com').getHost()", ""),
        new Case("url('mailto:user@example.com').getEscapedPath()", ""),
        new Case("url('HTTPS://Example.COM/').getScheme()", "https"),
        new Case("url('HTTPS://Example.COM/').getHost()", "Example.COM"),
        new Case("url('//example.com/p').getHost()", "example.com"),
        new Case("url('//example.com/p').getEscapedPath()", "/p"),
        new Case("url('///p').getHost()", ""),
        new Case("url('///p').getEscapedPath()", "///p"),
        new Case("url('https://example.com/a%2Fb').getEscapedPath()", "/a%2Fb"),
        new Case("url('https://example.com/%c3%a9').getEscapedPath()", "/%c3%a9"),
        new Case("url('https://example.com/é').getEscapedPath()", "/%C3%A9"),
        new Case("url('https://example.com/a;b,c=d').getEscapedPath()", "/a;b,c=d"),
        new Case("url('*').getEscapedPath()", "*"),
        new Case("url('https://[fe80::1%25en0]:8080/').getHost()", "[fe80::1%en0]:8080"),
        new Case("url('https://[fe80::1%25en0]:8080/').getHostname()", "fe80::1%en0"),
        new Case("url('https://[fe80::1%25en0]:8080/').getPort()", "8080"),
        new Case("url('https://example.com:/').getHost()", "example.com:"),
        new Case("url('https://example.com:/').getHostname()", "example.com"),
        new Case("url('https://example.com:/').getPort()", ""),
        new Case("url('https://user@example.com/').getHost()", "example.com"),
        new Case("url('https://ex%C3%A4mple.com/').getHost()", "exämple.com"),
        new Case("url('https://example.com/path#frag').getEscapedPath()", "/path"),
        new Case("url('https://example.com?x=1').getEscapedPath()", ""),
        new Case("url('https://example.com/p?a=1#frag').getQuery()", Map.of("a", List.of("1"))),
        new Case("url('https://example.com/?a=1;b=2&c=3').getQuery()", Map.of("c", List.of("3"))),
        new Case("url('https://example.com/?a=%zz&b=2').getQuery()", Map.of("b", List.of("2"))),
        new Case(
            "url('https://example.com/?a&b=&=c').getQuery()",
            Map.of("a", List.of(""), "b", List.of(""), "", List.of("c"))),
        new Case(
            "url('https://example.com/?a+b=c+d%20e').getQuery()",
            Map.of("a b", List.of("c d e"))),
        new Case(
            "url('https://example.com/?%41=%42&%41=x').getQuery()",
            Map.of("A", List.of("B", "x"))),
        new Case("url('https://example.com/?&&a=1&').getQuery()", Map.of("a", List.of("1"))),
        new Case("url('https://example.com/?a=1?b=2').getQuery()", Map.of("a", List.of("1?b=2"))),
        new Case("url('https://example.com/?a=%C3%A9').getQuery()", Map.of("a", List.of("é"))),
        new Case("url('https://example.com/a b') == url('https://example.com/a%20b')", true),
        new Case("url('https://example.com/a%2Fb') == url('https://example.com/a/b')", false),
        new Case("url('https:/path') == url('https:///path')", false),
        new Case("url('HTTPS://example.com') == url('https://example.com')", true),
        new Case("url('https://example.com/#a') == url('https://example.com/')", false),
        new Case("url('https://example.com/#') == url('https://example.com/')", true),
        new Case("url('https://example.com/p?') == url('https://example.com/p')", false),
        new Case("url('/a') != url('/b')", true),
        new Case("[url('/a'), url('/b')].indexOf(url('/b'))", 1L),
        new Case("sets.contains([url('/a'), url('/b')], [url('/b')])", true),
        new Case("type(url('/a')) == type(url('https://example.com'))", true),
        new Case("type(dyn(url('/a'))) == type(url('/b'))", true),
        new Case("type(url('/a')) == string", false),
        new Case("isURL('')", false),
        new Case("isURL('*')", true),
        new Case("isURL('mailto:a@b')", true),
        new Case("isURL('http://[::1')", false),
        new Case("isURL('a')", false),
        new Case("isURL('/a%zz')", false),
        new Case("isURL('/a#b')", true),
        new Case("isURL('https://exa mple.com')", false),
        new Case("isURL('https://a b@c/')", false),
        // ParseRequestURI accepts it as a path; the second parse (url.Parse) sees a host
        new Case("isURL('//a:b:c/')", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_urlFunction_returnsGoNetUrlResult(Case c) {
    assertThat(EVAL.value(c.expression())).isEqualTo(c.expected());
  }

  @Test
  void evaluate_url_returnsUrlValue() {
    Object value = EVAL.value("url('HTTPS://u:p%40@Example.com:8080/a b?q=1#f g')");
    assertThat(value).isInstanceOf(KubernetesUrl.class);
    assertThat(value).hasToString("https://u:p%40@Example.com:8080/a%20b?q=1#f%20g");
  }

  private record ParseCase(String url, String error) {
    @Override
    public String toString() {
      return "url('" + url + "')";
    }
  }

  static Stream<ParseCase> parseErrors() {
    return Stream.of(
        new ParseCase("../relative-path", "parse \"../relative-path\": invalid URI for request"),
        new ParseCase("https://a:b:c/", "parse \"https://a:b:c/\": invalid port \":c\" after host"),
        new ParseCase("", "parse \"\": empty url"),
        new ParseCase(":foo", "parse \":foo\": missing protocol scheme"),
        new ParseCase(
            "https://exa mple.com/",
            "parse \"https://exa mple.com/\": invalid character \" \" in host name"),
        new ParseCase("/a%zz", "parse \"/a%zz\": invalid URL escape \"%zz\""),
        new ParseCase("/a%", "parse \"/a%\": invalid URL escape \"%\""),
        new ParseCase("/a%4", "parse \"/a%4\": invalid URL escape \"%4\""),
        new ParseCase("https://[::1/", "parse \"https://[::1/\": missing ']' in host"),
        new ParseCase("https://[::1]x/", "parse \"https://[::1]x/\": invalid port \"x\" after host"),
        new ParseCase("https://us er@example.com/",
            "parse \"https://us er@example.com/\": net/url: invalid userinfo"),
        new ParseCase("https://%41/", "parse \"https://%41/\": invalid URL escape \"%41\""),
        new ParseCase("https://[fe80::1%25%0A]/",
            "parse \"https://[fe80::1%25%0A]/\": invalid URL escape \"%0A\""),
        new ParseCase("//a:b:c/", "parse \"//a:b:c/\": invalid port \":c\" after host"),
        new ParseCase("/é%zz", "parse \"/é%zz\": invalid URL escape \"%zz\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseErrors")
  void evaluate_invalidUrl_failsWithGoError(ParseCase c) {
    Evaluator eval =
        Evaluator.of(
            Environment.builder(KubernetesVersion.of(1, 33), EnvironmentType.STORED_EXPRESSIONS)
                .variable("s", SimpleType.STRING)
                .build(),
            Map.of("s", c.url()));
    assertThat(eval.failure("url(s)"))
        .isEqualTo("URL parse error during conversion from string: " + c.error());
  }

  static Stream<Case> quotedErrors() {
    return Stream.of(
        new Case("url('/a\\tb')",
            "parse \"/a\\tb\": net/url: invalid control character in URL"),
        new Case("url('/\\u00a0%')", "parse \"/\\u00a0%\": invalid URL escape \"%\""),
        new Case("url('/\"%')", "parse \"/\\\"%\": invalid URL escape \"%\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quotedErrors")
  void evaluate_urlNeedingQuotes_quotesAsGo(Case c) {
    assertThat(EVAL.failure(c.expression()))
        .isEqualTo("URL parse error during conversion from string: " + c.expected());
  }

  static Stream<Case> compileErrors() {
    return Stream.of(
        new Case(
            "url(1)",
            "ERROR: <input>:1:4: found no matching overload for 'url' applied to '(int)'\n"
                + " | url(1)\n"
                + " | ...^"),
        new Case(
            "url('/a').getScheme(1)",
            "ERROR: <input>:1:20: found no matching overload for 'getScheme' applied to"
                + " 'kubernetes.URL.(int)'\n"
                + " | url('/a').getScheme(1)\n"
                + " | ...................^"),
        new Case(
            "isURL(url('/a'))",
            "ERROR: <input>:1:6: found no matching overload for 'isURL' applied to"
                + " '(kubernetes.URL)'\n"
                + " | isURL(url('/a'))\n"
                + " | .....^"),
        new Case(
            "'a'.getHost()",
            "ERROR: <input>:1:12: found no matching overload for 'getHost' applied to"
                + " 'string.()'\n"
                + " | 'a'.getHost()\n"
                + " | ...........^"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compileErrors")
  void compile_wrongArgumentType_failsWithCelGoMessage(Case c) {
    assertThat(EVAL.compileResult(c.expression()))
        .isEqualTo(new CompilationError(c.expression(), (String) c.expected()));
  }

  @Test
  void compile_oldestServer_offersUrls() {
    assertThat(Evaluator.stored(KubernetesVersion.OLDEST.minor()).value("url('/a').getEscapedPath()"))
        .isEqualTo("/a");
  }
}
