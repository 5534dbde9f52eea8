package io.gatehouse.server;

import java.util.List;

/**
 * One line of a static token file ({@code --token-auth-file}): the bearer token, the user's name
 * and uid, and its groups. Immutable.
 */
record StaticToken(String token, String user, String uid, List<String> groups) {

  StaticToken {
    groups = List.copyOf(groups);
  }

  /** Returns the CSV line kube-apiserver reads: groups quoted as one comma-separated column. */
  String csvLine() {
    String line = token + "," + user + "," + uid;
    return groups.isEmpty() ? line : line + ",\"" + String.join(",", groups) + "\"";
  }
}
