package io.gatehouse.auth.authentication;

import io.gatehouse.api.authz.UserInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static bearer tokens from kube-apiserver's {@code --token-auth-file}: a CSV file of {@code
 * token,user,uid[,"group1,group2"]} records, as upstream's {@code tokenfile.NewCSV} reads it. A
 * record with an empty token is skipped with a warning; a repeated token replaces the earlier one
 * (with a warning); groups are split at commas and not trimmed. Unknown tokens are not applicable.
 *
 * <p>Immutable; thread-safe. Tokens are never logged or shown by {@link #toString()}.
 */
public final class TokenFileAuthenticator implements TokenAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(TokenFileAuthenticator.class);

  private final Map<String, UserInfo> users;

  private TokenFileAuthenticator(Map<String, UserInfo> users) {
    this.users = Map.copyOf(users);
  }

  /**
   * Reads the token file at {@code path}.
   *
   * @throws IllegalArgumentException with upstream's text when the file cannot be read, is not
   *     valid CSV or has a record with fewer than three fields
   */
  public static TokenFileAuthenticator read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("open " + path + ": " + e.getMessage(), e);
    }
    return parse(path.toString(), text);
  }

  /** Parses token file contents; {@code name} names the file in messages. */
  static TokenFileAuthenticator parse(String name, String text) {
    Map<String, UserInfo> users = new HashMap<>();
    int recordNumber = 0;
    for (List<String> record : CsvRecords.parse(text)) {
      if (record.size() < 3) {
        throw new IllegalArgumentException("token file '" + name
            + "' must have at least 3 columns (token, user name, user uid), found "
            + record.size());
      }
      recordNumber++;
      if (record.get(0).isEmpty()) {
        LOG.warn("empty token has been found in token file '{}', record number '{}'", name,
            recordNumber);
        continue;
      }
      List<String> groups =
          record.size() >= 4 ? Arrays.asList(record.get(3).split(",", -1)) : List.of();
      if (users.containsKey(record.get(0))) {
        LOG.warn("duplicate token has been found in token file '{}', record number '{}'", name,
            recordNumber);
      }
      users.put(record.get(0), new UserInfo(record.get(1), record.get(2), groups, Map.of()));
    }
    return new TokenFileAuthenticator(users);
  }

  /** Returns how many tokens the file holds. */
  public int size() {
    return users.size();
  }

  @Override
  public AuthenticationResult authenticateToken(String token) {
    UserInfo user = users.get(token);
    return user == null
        ? AuthenticationResult.notApplicable()
        : new AuthenticationResult.Authenticated(user);
  }

  @Override
  public String toString() {
    return "TokenFileAuthenticator[" + users.size() + " tokens]";
  }
}
