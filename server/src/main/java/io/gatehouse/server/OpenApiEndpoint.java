package io.gatehouse.server;

import io.gatehouse.server.openapi.OpenApiService;
import io.gatehouse.server.openapi.OpenApiService.Rendered;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /openapi/v2} and {@code /openapi/v3[/...]} as kube-openapi's handlers answer them: content
 * negotiation on {@code Accept} (v2: JSON or gnostic protobuf; v3: JSON only, 406 otherwise),
 * quoted {@code Etag} with {@code 304} for a matching {@code If-None-Match}, {@code Vary: Accept},
 * and for a group/version document asked for with {@code ?hash=}: a {@code 301} to the current
 * hash when it differs, else {@code Cache-Control: public, immutable} and an {@code Expires} a year
 * ahead. An unknown group/version gets what kube-openapi's handler leaves behind when it returns
 * early: 200 with an empty body. Thread-safe.
 */
final class OpenApiEndpoint {

  static final String V2_PROTOBUF = "com.github.proto-openapi.spec.v2.v1.0+protobuf";
  static final String V2_PROTOBUF_DEPRECATED = "com.github.proto-openapi.spec.v2@v1.0+protobuf";

  private final Supplier<OpenApiService> documents;
  private final Clock clock;
  private final Instant created;

  /** @param documents the documents (may block until they are loaded) */
  OpenApiEndpoint(Supplier<OpenApiService> documents, Clock clock) {
    this.documents = documents;
    this.clock = clock;
    this.created = clock.instant();
  }

  /** Returns the answer for an {@code /openapi/...} path, or empty for other paths. */
  Optional<ApiResponse> handle(ApiRequest request) {
    String path = request.path();
    if (!path.equals("/openapi/v2") && !path.startsWith("/openapi/v3")) {
      return Optional.empty();
    }
    OpenApiService service = documents.get();
    if (path.equals("/openapi/v2")) {
      return Optional.of(v2(service, request));
    }
    if (path.equals("/openapi/v3")) {
      ApiResponse root = serve(request, service.root(), "application/json");
      root.headers().remove("Vary");
      return Optional.of(root);
    }
    if (path.startsWith("/openapi/v3/")) {
      return Optional.of(groupVersion(service, request,
          path.substring("/openapi/v3/".length())));
    }
    return Optional.empty();
  }

  private ApiResponse v2(OpenApiService service, ApiRequest request) {
    for (String[] clause : clauses(request)) {
      if (matches(clause, "json")) {
        return serve(request, service.v2Json(), "application/json");
      }
      if (matches(clause, V2_PROTOBUF_DEPRECATED) || matches(clause, V2_PROTOBUF)) {
        return serve(request, service.v2Protobuf(), "application/" + V2_PROTOBUF);
      }
    }
    return notAcceptable();
  }

  private ApiResponse groupVersion(OpenApiService service, ApiRequest request, String key) {
    boolean json = clauses(request).stream().anyMatch(c -> matches(c, "json"));
    if (!json) {
      return notAcceptable();
    }
    Optional<Rendered> doc = service.groupVersion(key);
    if (doc.isEmpty()) {
      // kube-openapi returns without writing anything: 200, an empty body, only Vary.
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Vary", "Accept");
      return new ApiResponse(200, h, new byte[0]);
    }
    String hash = request.queryValue("hash").orElse("");
    if (!hash.isEmpty() && !hash.equals(doc.get().etag())) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Location", "/openapi/v3/" + key + "?hash=" + doc.get().etag());
      h.put("Vary", "Accept");
      return new ApiResponse(301, h, new byte[0]);
    }
    ApiResponse r = serve(request, doc.get(), "application/json");
    if (!hash.isEmpty()) {
      r.headers().put("Cache-Control", "public, immutable");
      r.headers().put("Expires", httpDate(
          ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1).toInstant()));
    }
    return r;
  }

  private ApiResponse serve(ApiRequest request, Rendered doc, String contentType) {
    String etag = "\"" + doc.etag() + "\"";
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", contentType);
    h.put("Etag", etag);
    h.put("Last-Modified", httpDate(created));
    h.put("Vary", "Accept");
    String ifNoneMatch = request.headers().first("If-None-Match");
    if (!ifNoneMatch.isEmpty() && (ifNoneMatch.equals("*")
        || List.of(ifNoneMatch.split(",")).stream().map(String::strip).anyMatch(etag::equals))) {
      h.remove("Content-Type");
      return new ApiResponse(304, h, new byte[0]);
    }
    return new ApiResponse(200, h, request.method().equals("HEAD") ? new byte[0] : doc.body());
  }

  private static ApiResponse notAcceptable() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Vary", "Accept");
    return new ApiResponse(406, h, new byte[0]);
  }

  /** Whether a clause accepts {@code application/<subtype>}. */
  private static boolean matches(String[] clause, String subtype) {
    return (clause[0].equals("application") || clause[0].equals("*"))
        && (clause[1].equals(subtype) || clause[1].equals("*"));
  }

  /** The Accept header's media ranges (type, subtype), highest quality first ({@code *}{@code /*} if none). */
  private static List<String[]> clauses(ApiRequest request) {
    String accept = request.headers().first("Accept");
    if (accept.isBlank()) {
      accept = "*/*";
    }
    record Clause(String[] range, double q, int order) {}
    List<Clause> out = new ArrayList<>();
    String[] parts = accept.split(",");
    for (int i = 0; i < parts.length; i++) {
      String[] params = parts[i].split(";");
      String range = params[0].strip().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int j = 1; j < params.length; j++) {
        String p = params[j].strip();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      int slash = range.indexOf('/');
      String[] typeSub = slash < 0 ? new String[] {range, "*"}
          : new String[] {range.substring(0, slash), range.substring(slash + 1)};
      if (q > 0) {
        out.add(new Clause(typeSub, q, i));
      }
    }
    out.sort(Comparator.comparingDouble((Clause c) -> -c.q()).thenComparingInt(Clause::order));
    return out.stream().map(Clause::range).toList();
  }

  /** An HTTP date ({@code Mon, 02 Jan 2006 15:04:05 GMT}), formatted on first need. */
  private static String httpDate(Instant instant) {
    return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
        .format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
