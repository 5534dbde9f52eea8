package io.gatehouse.server;

import io.gatehouse.cel.library.SelectorParse;
import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.SelectorOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@link RequestInfo} from a request as upstream's {@code RequestInfoFactory} with API
 * prefixes {@code api} and {@code apis} ({@code api} without group): the verb from the method
 * ({@code get} becomes {@code list} or {@code watch} without a name, {@code delete} becomes {@code
 * deletecollection}), the deprecated {@code /watch/} and {@code /proxy/} path verbs, namespace
 * subresources {@code status} and {@code finalize}, a {@code metadata.name} field selector as the
 * name of a list or watch, and the raw selectors of list, watch and deletecollection requests
 * (feature {@code AuthorizeWithSelectors}, on in 1.33).
 *
 * <p>Stateless; thread-safe.
 */
final class RequestInfoResolver {

  private static final Set<String> SPECIAL_VERBS = Set.of("proxy", "watch");
  private static final Set<String> SPECIAL_VERBS_NO_SUBRESOURCES = Set.of("proxy");
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");
  private static final Set<String> VERBS_WITH_SELECTORS = Set.of("list", "watch", "deletecollection");

  /** Upstream's error text for {@code /api/v1/watch} and the like. */
  static final class RequestInfoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RequestInfoException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Resolves {@code method} on {@code path} with {@code query}.
   *
   * @param requestUri the request target, for the error text
   * @throws RequestInfoException when a path verb has nothing after it, with upstream's text
   */
  RequestInfo resolve(String method, String path, String requestUri, Map<String, List<String>> query) {
    RequestInfo nonResource = RequestInfo.nonResource(path, method);
    List<String> parts = splitPath(path);
    if (parts.size() < 3 || !(parts.get(0).equals("api") || parts.get(0).equals("apis"))) {
      return nonResource;
    }
    String prefix = parts.get(0);
    parts = parts.subList(1, parts.size());
    String group = "";
    if (prefix.equals("apis")) {
      if (parts.size() < 3) {
        return nonResource;
      }
      group = parts.get(0);
      parts = parts.subList(1, parts.size());
    }
    String version = parts.get(0);
    parts = parts.subList(1, parts.size());

    String verb;
    boolean verbViaPath = false;
    if (SPECIAL_VERBS.contains(parts.get(0))) {
      if (parts.size() < 2) {
        throw new RequestInfoException(
            "unable to determine kind and namespace from url, " + requestUri);
      }
      verb = parts.get(0);
      parts = parts.subList(1, parts.size());
      verbViaPath = true;
    } else {
      verb = switch (method) {
        case "POST" -> "create";
        case "GET", "HEAD" -> "get";
        case "PUT" -> "update";
        case "PATCH" -> "patch";
        case "DELETE" -> "delete";
        default -> "";
      };
    }

    String namespace = "";
    if (parts.get(0).equals("namespaces")) {
      if (parts.size() > 1) {
        namespace = parts.get(1);
        if (parts.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(parts.get(2))) {
          parts = parts.subList(2, parts.size());
        }
      }
    }

    String resource = parts.get(0);
    String name = parts.size() >= 2 ? parts.get(1) : "";
    String subresource =
        parts.size() >= 3 && !SPECIAL_VERBS_NO_SUBRESOURCES.contains(verb) ? parts.get(2) : "";

    if (name.isEmpty() && verb.equals("get")) {
      ListOptions opts = ListOptions.decode(query);
      verb = opts.watch() ? "watch" : "list";
      Optional<String> selected = opts.exactName();
      if (selected.isPresent() && isValidPathSegmentName(selected.get())) {
        name = selected.get();
      }
    }
    if (name.isEmpty() && verb.equals("delete")) {
      verb = "deletecollection";
    }
    String fieldSelector = "";
    String labelSelector = "";
    if (!verbViaPath && VERBS_WITH_SELECTORS.contains(verb)) {
      fieldSelector = first(query, "fieldSelector");
      labelSelector = first(query, "labelSelector");
    }
    return new RequestInfo(true, path, verb, prefix, group, version, namespace, resource,
        subresource, name, parts, fieldSelector, labelSelector);
  }

  /** Upstream's {@code path.IsValidPathSegmentName}. */
  static boolean isValidPathSegmentName(String name) {
    return !name.equals(".") && !name.equals("..") && !name.contains("/") && !name.contains("%");
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> v = query.get(key);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  static List<String> splitPath(String path) {
    String trimmed = trimSlashes(path);
    if (trimmed.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>(8);
    int start = 0;
    for (int slash; (slash = trimmed.indexOf('/', start)) >= 0; start = slash + 1) {
      parts.add(trimmed.substring(start, slash));
    }
    parts.add(trimmed.substring(start));
    return parts;
  }

  private static String trimSlashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '/') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * The parts of {@code metav1.ListOptions} RequestInfo reads: {@code watch} and the field
   * selector. When any list option fails to decode, upstream discards them all but still reads
   * {@code watch}; the options that can fail are the selectors and the integer options {@code
   * limit} and {@code timeoutSeconds} (booleans never fail: anything but {@code 0} and {@code
   * false} is true).
   */
  private record ListOptions(boolean watch, Optional<String> exactName) {

    static ListOptions decode(Map<String, List<String>> query) {
      boolean watch = query.containsKey("watch") && isTrue(first(query, "watch"));
      boolean ok = isInt(query, "limit") && isInt(query, "timeoutSeconds");
      ok &= !query.containsKey("labelSelector")
          || !SelectorParse.labelSelector(first(query, "labelSelector")).failed();
      Optional<String> name = Optional.empty();
      if (query.containsKey("fieldSelector")) {
        SelectorParse<FieldSelectorRequirement> fs =
            SelectorParse.fieldSelector(first(query, "fieldSelector"));
        ok &= !fs.failed();
        name = fs.requirements().stream()
            .filter(r -> r.field().equals("metadata.name")
                && (r.operator() == SelectorOperator.EQUALS
                    || r.operator() == SelectorOperator.DOUBLE_EQUALS))
            .map(FieldSelectorRequirement::value)
            .findFirst();
      }
      return new ListOptions(watch, ok ? name : Optional.empty());
    }

    /** The query converter's boolean: anything but {@code 0} and {@code false} is true. */
    private static boolean isTrue(String v) {
      return !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    private static boolean isInt(Map<String, List<String>> query, String key) {
      if (!query.containsKey(key)) {
        return true;
      }
      try {
        Long.parseLong(first(query, key));
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
