package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.serviceaccount.ServiceAccountNames;
import io.gatehouse.auth.serviceaccount.TokenClaims;
import io.gatehouse.auth.serviceaccount.TokenGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-controller-manager's token controller for Secrets of type {@code
 * kubernetes.io/service-account-token}, as upstream's {@code tokens_controller.go} since KEP-2799
 * (it never creates such Secrets itself): a Secret whose service account (by the {@code
 * kubernetes.io/service-account.name} annotation, and uid annotation when set) does not exist is
 * deleted with a uid precondition — also after the service account is deleted; otherwise missing
 * {@code token} (a legacy JWT), {@code namespace} and {@code ca.crt} data are filled in and the
 * name and uid annotations set. Secret data is never logged. Thread-safe.
 */
final class TokensController {

  private static final Logger LOG = LoggerFactory.getLogger(TokensController.class);

  private final Registry registry;
  private final StoredResource secrets;
  private final StoredResource serviceAccounts;
  private final TokenGenerator legacyTokens;
  private final byte[] rootCa;

  /**
   * @param legacyTokens signs with issuer {@code kubernetes/serviceaccount}
   * @param rootCa the cluster CA bundle for {@code ca.crt} (empty: none)
   */
  TokensController(Registry registry, ResourceTable resources, TokenGenerator legacyTokens,
      byte[] rootCa) {
    this.registry = registry;
    this.secrets = StoredObjects.core(resources, "secrets");
    this.serviceAccounts = StoredObjects.core(resources, "serviceaccounts");
    this.legacyTokens = legacyTokens;
    this.rootCa = rootCa.clone();
  }

  List<String> prefixes() {
    return List.of(secrets.prefix(), serviceAccounts.prefix());
  }

  /** Fills or deletes every service-account token Secret that needs it. */
  void sync() {
    for (Unstructured secret : StoredObjects.list(registry, secrets, "")) {
      if (!ServiceAccountNames.SECRET_TYPE_TOKEN.equals(secret.object().get("type"))
          || secret.metadata().containsKey("deletionTimestamp")) {
        continue;
      }
      try {
        syncSecret(secret);
      } catch (StatusException e) {
        LOG.atDebug().setMessage("Token secret sync failed")
            .addKeyValue("secret", secret.namespace() + "/" + secret.name())
            .addKeyValue("reason", e.getMessage()).log();
      }
    }
  }

  private void syncSecret(Unstructured secret) {
    String ns = secret.namespace();
    Map<String, String> annotations = secret.annotations();
    String saName = annotations.getOrDefault(ServiceAccountNames.SERVICE_ACCOUNT_NAME_ANNOTATION, "");
    String saUid = annotations.getOrDefault(ServiceAccountNames.SERVICE_ACCOUNT_UID_ANNOTATION, "");
    Optional<Unstructured> sa = saName.isEmpty() ? Optional.empty()
        : registry.store().get(serviceAccounts.key(ns, saName)).kv().map(ObjectBytes::read)
            .filter(a -> saUid.isEmpty() || saUid.equals(a.uid()));
    if (sa.isEmpty()) {
      registry.delete(secrets, ns, secret.name(), new DeleteOptions(secret.uid(), "", false, ""),
          WriteAdmission.NONE);
      LOG.atInfo().setMessage("Deleted token secret of a missing service account")
          .addKeyValue("secret", ns + "/" + secret.name()).addKeyValue("serviceaccount", saName)
          .log();
      return;
    }
    if (!needsUpdate(secret)) {
      return;
    }
    Unstructured account = sa.get();
    registry.update(secrets, ns, secret.name(), "", live -> fill(live, account), false,
        WriteAdmission.NONE);
    LOG.atInfo().setMessage("Populated service account token secret")
        .addKeyValue("secret", ns + "/" + secret.name()).log();
  }

  private boolean needsUpdate(Unstructured secret) {
    byte[] ca = data(secret, ServiceAccountNames.ROOT_CA_KEY);
    return (rootCa.length > 0 && !Arrays.equals(ca, rootCa))
        || data(secret, ServiceAccountNames.NAMESPACE_KEY).length == 0
        || data(secret, ServiceAccountNames.TOKEN_KEY).length == 0;
  }

  private Unstructured fill(Unstructured live, Unstructured account) {
    if (!needsUpdate(live)) {
      return live;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (live.object().get("data") instanceof Map<?, ?> existing) {
      existing.forEach((k, v) -> data.put(String.valueOf(k), v));
    }
    Base64.Encoder b64 = Base64.getEncoder();
    if (rootCa.length > 0 && !Arrays.equals(data(live, ServiceAccountNames.ROOT_CA_KEY), rootCa)) {
      data.put(ServiceAccountNames.ROOT_CA_KEY, b64.encodeToString(rootCa));
    }
    if (data(live, ServiceAccountNames.NAMESPACE_KEY).length == 0) {
      data.put(ServiceAccountNames.NAMESPACE_KEY,
          b64.encodeToString(live.namespace().getBytes(StandardCharsets.UTF_8)));
    }
    if (data(live, ServiceAccountNames.TOKEN_KEY).length == 0) {
      String token = legacyTokens.generate(TokenClaims.legacy(live.namespace(), account.name(),
          account.uid(), live.name()));
      data.put(ServiceAccountNames.TOKEN_KEY,
          b64.encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    live.object().put("data", data);
    Map<String, @Nullable Object> meta = live.metadataForWrite();
    Map<String, Object> annotations = new LinkedHashMap<>(live.annotations());
    annotations.put(ServiceAccountNames.SERVICE_ACCOUNT_NAME_ANNOTATION, account.name());
    annotations.put(ServiceAccountNames.SERVICE_ACCOUNT_UID_ANNOTATION, account.uid());
    meta.put("annotations", annotations);
    return live;
  }

  private static byte[] data(Unstructured secret, String key) {
    if (secret.get("data", key).orElse(null) instanceof String b64) {
      try {
        return Base64.getDecoder().decode(b64);
      } catch (IllegalArgumentException e) {
        return new byte[0];
      }
    }
    return new byte[0];
  }
}
