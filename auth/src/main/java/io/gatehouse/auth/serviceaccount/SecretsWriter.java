package io.gatehouse.auth.serviceaccount;

import java.util.Map;

/**
 * Merge-patches labels onto a Secret, as upstream's validator and cleaner do with {@code
 * {"metadata":{"uid":…,"labels":{…}}}} (the uid acts as a precondition). Implementations are
 * thread-safe and throw an unchecked exception when the patch fails; callers only log it.
 */
@FunctionalInterface
public interface SecretsWriter {

  /** Sets {@code labels} on Secret {@code namespace/name} if its uid is still {@code uid}. */
  void patchLabels(String namespace, String name, String uid, Map<String, String> labels);
}
