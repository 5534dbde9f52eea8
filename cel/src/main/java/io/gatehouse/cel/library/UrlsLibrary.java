package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code kubernetes.urls} library: {@code url(<string>)} and {@code isURL(<string>)}, which
 * accept what Go's {@code url.ParseRequestURI} accepts (an absolute URI or an absolute path), and
 * the accessors {@code getScheme}, {@code getHost}, {@code getHostname}, {@code getPort}, {@code
 * getEscapedPath} and {@code getQuery} on {@link KubernetesUrl}, which upstream reads from a
 * second parse with {@code url.Parse} (so a {@code #fragment} is split off).
 *
 * <p>{@code url} fails with {@code URL parse error during conversion from string: <Go's error>}.
 * Immutable singleton; thread-safe.
 */
public final class UrlsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final UrlsLibrary INSTANCE = new UrlsLibrary();

  private static final String PARSE_ERROR = "URL parse error during conversion from string: ";

  private UrlsLibrary() {}

  @Override
  public String name() {
    return "kubernetes.urls";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {
    checkerBuilder.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            "url",
            CelOverloadDecl.newGlobalOverload(
                "string_to_url", KubernetesUrl.TYPE, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "isURL",
            CelOverloadDecl.newGlobalOverload("is_url_string", SimpleType.BOOL, SimpleType.STRING)),
        accessor("getScheme", "url_get_scheme", SimpleType.STRING),
        accessor("getHost", "url_get_host", SimpleType.STRING),
        accessor("getHostname", "url_get_hostname", SimpleType.STRING),
        accessor("getPort", "url_get_port", SimpleType.STRING),
        accessor("getEscapedPath", "url_get_escaped_path", SimpleType.STRING),
        accessor(
            "getQuery",
            "url_get_query",
            MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING))));
  }

  private static CelFunctionDecl accessor(String function, String overloadId, CelType result) {
    return CelFunctionDecl.newFunctionDeclaration(
        function, CelOverloadDecl.newMemberOverload(overloadId, result, KubernetesUrl.TYPE));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    runtimeBuilder.addFunctionBindings(
        CelFunctionBinding.from("string_to_url", String.class, UrlsLibrary::toUrl),
        CelFunctionBinding.from("is_url_string", String.class, UrlsLibrary::isUrl),
        text("url_get_scheme", GoUrl::scheme),
        text("url_get_host", GoUrl::host),
        text("url_get_hostname", GoUrl::hostname),
        text("url_get_port", GoUrl::port),
        text("url_get_escaped_path", GoUrl::escapedPath),
        CelFunctionBinding.from("url_get_query", KubernetesUrl.class, UrlsLibrary::query));
  }

  private static CelFunctionBinding text(String overloadId, Function<GoUrl, String> field) {
    return CelFunctionBinding.from(
        overloadId, KubernetesUrl.class, u -> GoStrings.fromBytes(field.apply(u.url())));
  }

  private static KubernetesUrl toUrl(String s) {
    String bytes = GoStrings.toBytes(s);
    try {
      GoUrlParser.parseRequestUri(bytes);
      return new KubernetesUrl(GoUrlParser.parse(bytes));
    } catch (GoUrlParser.ParseException e) {
      throw new StandardFunctionException(PARSE_ERROR + e.getMessage());
    }
  }

  private static boolean isUrl(String s) {
    try {
      GoUrlParser.parseRequestUri(GoStrings.toBytes(s));
      return true;
    } catch (GoUrlParser.ParseException e) {
      return false;
    }
  }

  private static Map<String, List<String>> query(KubernetesUrl u) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    u.url()
        .query()
        .forEach(
            (k, vs) -> {
              List<String> values = new ArrayList<>(vs.size());
              vs.forEach(v -> values.add(GoStrings.fromBytes(v)));
              out.merge(GoStrings.fromBytes(k), values, UrlsLibrary::concat);
            });
    return out;
  }

  // Distinct invalid-UTF-8 keys can decode to the same text; keep every value, as Go would.
  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
