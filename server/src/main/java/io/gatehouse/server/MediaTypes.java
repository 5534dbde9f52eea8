package io.gatehouse.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an {@code Accept} header the way discovery negotiation needs: media ranges in the order
 * the client lists them, each with its parameters. Stateless.
 */
final class MediaTypes {

  private MediaTypes() {}

  /**
   * Returns whether the first range of {@code accept} that discovery can serve asks for aggregated
   * discovery v2 ({@code application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList},
   * parameters in any order); {@code false} when a plain JSON (or wildcard) range comes first.
   */
  static boolean prefersAggregatedDiscovery(String accept) {
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq > 0) {
          params.put(parts[i].substring(0, eq).strip(), parts[i].substring(eq + 1).strip());
        }
      }
      params.remove("q");
      boolean json = type.equals("application/json");
      if (json && "apidiscovery.k8s.io".equals(params.get("g")) && "v2".equals(params.get("v"))
          && "APIGroupDiscoveryList".equals(params.get("as"))) {
        return true;
      }
      if ((json && params.isEmpty()) || type.equals("*/*") || type.equals("application/*")) {
        return false;
      }
    }
    return false;
  }
}
