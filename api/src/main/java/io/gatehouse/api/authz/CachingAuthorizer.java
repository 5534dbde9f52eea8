package io.gatehouse.api.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link Authorizer} that asks its delegate once per distinct request and then repeats the
 * answer, as upstream's admission {@code cachingAuthorizer}: ValidatingAdmissionPolicy wraps the
 * authorizer in one per admission request so that CEL {@code authorizer} checks repeated across
 * expressions and policies cost one decision.
 *
 * <p>Requests are the same when they agree in every attribute, where the user's groups and the
 * values of each extra key compare as sorted lists, and a selector's parse error counts only while
 * the selector also has requirements (upstream leaves errors out of its cache key). Results are
 * cached whatever they are, errors included. Create one per request and discard it: the cache
 * never expires. Thread-safe; the delegate may be asked concurrently for distinct requests.
 */
public final class CachingAuthorizer implements Authorizer {

  private final Authorizer delegate;
  private final ConcurrentMap<RequestAttributes, AuthorizationResult> decisions =
      new ConcurrentHashMap<>();

  private CachingAuthorizer(Authorizer delegate) {
    this.delegate = delegate;
  }

  /** Returns a new, empty cache in front of {@code delegate}. */
  public static CachingAuthorizer of(Authorizer delegate) {
    return new CachingAuthorizer(delegate);
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    return decisions.computeIfAbsent(cacheKey(attributes), k -> delegate.authorize(attributes));
  }

  static RequestAttributes cacheKey(RequestAttributes a) {
    List<String> groups = new ArrayList<>(a.user().groups());
    groups.sort(null);
    Map<String, List<String>> extra = new TreeMap<>();
    a.user().extra().forEach((k, v) -> extra.put(k, v.stream().sorted().toList()));
    UserInfo user = new UserInfo(a.user().name(), a.user().uid(), groups, extra);
    return new RequestAttributes(user, a.verb(), a.resourceRequest(), a.namespace(), a.apiGroup(),
        a.apiVersion(), a.resource(), a.subresource(), a.name(), a.path(), a.fieldSelector(),
        a.fieldSelector().isEmpty() ? "" : a.fieldSelectorError(), a.labelSelector(), "");
  }
}
