package io.gatehouse.auth.authentication;

import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.validation.NameValidation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * kube-apiserver's impersonation ({@code filters/impersonation.go}) without HTTP: what the {@code
 * Impersonate-*} headers ask for, the {@code impersonate} check each part needs, and the identity
 * the request continues as. Stateless; thread-safe.
 *
 * <p>A request asks to act as a user ({@code Impersonate-User}; a {@code
 * system:serviceaccount:<ns>:<name>} name with a valid namespace and name is a service account),
 * groups ({@code Impersonate-Group}, each header value one group), extra values ({@code
 * Impersonate-Extra-<key>}, the key lower-cased and percent-decoded) and a uid ({@code
 * Impersonate-Uid}). Groups, extras or a uid without a user is an error. The new identity has
 * the service account's groups when it is one and no groups were given, and {@code
 * system:authenticated} (or for {@code system:anonymous} {@code system:unauthenticated}) unless
 * already present.
 */
public final class Impersonation {

  /** {@code Impersonate-User}. */
  public static final String USER_HEADER = "Impersonate-User";
  /** {@code Impersonate-Group}. */
  public static final String GROUP_HEADER = "Impersonate-Group";
  /** {@code Impersonate-Uid}. */
  public static final String UID_HEADER = "Impersonate-Uid";
  /** The prefix of {@code Impersonate-Extra-<key>}. */
  public static final String EXTRA_HEADER_PREFIX = "Impersonate-Extra-";

  private static final String SA_PREFIX = "system:serviceaccount:";
  private static final String AUTHENTICATION_V1 = "authentication.k8s.io/v1";

  private Impersonation() {}

  /** What a part of the request impersonates. */
  public enum Kind {
    /** A service account (a user name of the service-account form). */
    SERVICE_ACCOUNT("ServiceAccount", "", "serviceaccounts"),
    /** A user. */
    USER("User", "", "users"),
    /** A group. */
    GROUP("Group", "", "groups"),
    /** One value of one extra key. */
    USER_EXTRA("UserExtra", AUTHENTICATION_V1, "userextras"),
    /** The uid. */
    UID("UID", AUTHENTICATION_V1, "uids");

    private final String kind;
    private final String apiVersion;
    private final String resource;

    Kind(String kind, String apiVersion, String resource) {
      this.kind = kind;
      this.apiVersion = apiVersion;
      this.resource = resource;
    }

    /** The resource the {@code impersonate} verb is checked on. */
    public String resource() {
      return resource;
    }
  }

  /**
   * One thing to impersonate (upstream's {@code ObjectReference}).
   *
   * @param kind what it is
   * @param namespace the service account's namespace, else empty
   * @param name the user, service account, group, extra value or uid
   * @param extraKey the extra key ({@link Kind#USER_EXTRA} only), else empty
   */
  public record Target(Kind kind, String namespace, String name, String extraKey) {

    /** Go's {@code %v} of the reference: {@code {Kind Namespace Name UID APIVersion RV FieldPath}}. */
    @Override
    public String toString() {
      return "{" + String.join(" ", kind.kind, namespace, name, "", kind.apiVersion, "", extraKey)
          + "}";
    }
  }

  /**
   * The impersonation headers of a request, as read from HTTP.
   *
   * @param user the first {@code Impersonate-User} value, or empty
   * @param groups every {@code Impersonate-Group} value, in order
   * @param extras for every {@code Impersonate-Extra-<key>} header, the raw {@code <key>} as sent
   *     and its values, in header order
   * @param uid the first {@code Impersonate-Uid} value, or empty
   */
  public record Requested(String user, List<String> groups, Map<String, List<String>> extras,
      String uid) {
    /** Copies the collections. */
    public Requested {
      groups = List.copyOf(groups);
      extras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** Whether nothing is asked. */
    public boolean none() {
      return user.isEmpty() && groups.isEmpty() && extras.isEmpty() && uid.isEmpty();
    }
  }

  /**
   * Upstream's {@code buildImpersonationRequests}: the targets in the order they are checked
   * (user, groups, extras, uid).
   *
   * @return the targets, or an error text when groups, extras or a uid come without a user
   */
  public static Parsed parse(Requested headers) {
    List<Target> targets = new ArrayList<>();
    if (!headers.user().isEmpty()) {
      Optional<String[]> sa = splitServiceAccount(headers.user());
      targets.add(sa.isPresent()
          ? new Target(Kind.SERVICE_ACCOUNT, sa.get()[0], sa.get()[1], "")
          : new Target(Kind.USER, "", headers.user(), ""));
    }
    headers.groups().forEach(g -> targets.add(new Target(Kind.GROUP, "", g, "")));
    headers.extras().forEach((rawKey, values) -> {
      String key = pathUnescape(rawKey.toLowerCase(Locale.ROOT));
      values.forEach(v -> targets.add(new Target(Kind.USER_EXTRA, "", v, key)));
    });
    if (!headers.uid().isEmpty()) {
      targets.add(new Target(Kind.UID, "", headers.uid(), ""));
    }
    boolean others = !headers.groups().isEmpty() || !headers.extras().isEmpty()
        || !headers.uid().isEmpty();
    if (others && headers.user().isEmpty()) {
      return new Parsed(targets, "requested " + goList(targets) + " without impersonating a user");
    }
    return new Parsed(targets, "");
  }

  /**
   * The parsed headers.
   *
   * @param targets what to impersonate, in check order
   * @param error the error text, or empty
   */
  public record Parsed(List<Target> targets, String error) {
    /** Copies the list. */
    public Parsed {
      targets = List.copyOf(targets);
    }
  }

  /** The attributes checked for {@code requestor} to impersonate {@code target}. */
  public static RequestAttributes attributes(UserInfo requestor, Target target) {
    String apiVersion = target.kind().apiVersion;
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return RequestAttributes.resource(requestor, "impersonate", target.namespace(), group,
        version, target.kind().resource(), target.extraKey(), target.name());
  }

  /**
   * The identity the request continues as.
   *
   * @param targets the (all allowed) targets
   * @param groupsSpecified whether {@code Impersonate-Group} was sent
   */
  public static UserInfo user(List<Target> targets, boolean groupsSpecified) {
    String name = "";
    String uid = "";
    List<String> groups = new ArrayList<>();
    Map<String, List<String>> extra = new LinkedHashMap<>();
    for (Target t : targets) {
      switch (t.kind()) {
        case SERVICE_ACCOUNT -> {
          name = SA_PREFIX + t.namespace() + ":" + t.name();
          if (!groupsSpecified) {
            groups = new ArrayList<>(List.of("system:serviceaccounts",
                "system:serviceaccounts:" + t.namespace()));
          }
        }
        case USER -> name = t.name();
        case GROUP -> groups.add(t.name());
        case USER_EXTRA -> extra.computeIfAbsent(t.extraKey(), k -> new ArrayList<>()).add(t.name());
        case UID -> uid = t.name();
      }
    }
    if (!name.equals("system:anonymous")) {
      if (!groups.contains("system:authenticated") && !groups.contains("system:unauthenticated")) {
        groups.add("system:authenticated");
      }
    } else if (!groups.contains("system:unauthenticated")) {
      groups.add("system:unauthenticated");
    }
    return new UserInfo(name, uid, groups, extra);
  }

  /** Upstream's {@code serviceaccount.SplitUsername}: namespace and name, if valid. */
  public static Optional<String[]> splitServiceAccount(String user) {
    if (!user.startsWith(SA_PREFIX)) {
      return Optional.empty();
    }
    String[] parts = user.substring(SA_PREFIX.length()).split(":", -1);
    if (parts.length != 2 || !NameValidation.nameIsDnsLabel(parts[0], false).isEmpty()
        || !NameValidation.nameIsDnsSubdomain(parts[1], false).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parts);
  }

  private static String goList(List<Target> targets) {
    return "[" + String.join(" ", targets.stream().map(Target::toString).toList()) + "]";
  }

  /** Go's {@code url.PathUnescape}, returning the input when it is malformed. */
  static String pathUnescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%') {
        if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
          return s;
        }
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit(b, 16);
  }
}
