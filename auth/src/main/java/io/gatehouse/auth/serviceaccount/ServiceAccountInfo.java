package io.gatehouse.auth.serviceaccount;

import io.gatehouse.api.authz.UserInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a validated token says about its service account, as upstream's {@code
 * ServiceAccountInfo}. Every string is empty when absent. Immutable.
 *
 * @param namespace the service account's namespace
 * @param name the service account's name
 * @param uid the service account's uid (from the token)
 * @param podName the bound pod's name
 * @param podUid the bound pod's uid
 * @param nodeName the node's name
 * @param nodeUid the node's uid
 * @param credentialId {@code JTI=<jti>}, or empty
 */
public record ServiceAccountInfo(String namespace, String name, String uid, String podName,
    String podUid, String nodeName, String nodeUid, String credentialId) {

  /**
   * Returns the user, as upstream's {@code UserInfo()}: the service-account user name, uid and
   * groups; pod extras only when both name and uid are known; the credential id when present; the
   * node name when present, with the node uid only beside it.
   */
  public UserInfo userInfo() {
    Map<String, List<String>> extra = new LinkedHashMap<>();
    if (!podName.isEmpty() && !podUid.isEmpty()) {
      extra.put(ServiceAccountNames.EXTRA_POD_NAME, List.of(podName));
      extra.put(ServiceAccountNames.EXTRA_POD_UID, List.of(podUid));
    }
    if (!credentialId.isEmpty()) {
      extra.put(ServiceAccountNames.EXTRA_CREDENTIAL_ID, List.of(credentialId));
    }
    if (!nodeName.isEmpty()) {
      extra.put(ServiceAccountNames.EXTRA_NODE_NAME, List.of(nodeName));
      if (!nodeUid.isEmpty()) {
        extra.put(ServiceAccountNames.EXTRA_NODE_UID, List.of(nodeUid));
      }
    }
    return new UserInfo(ServiceAccountNames.username(namespace, name), uid,
        ServiceAccountNames.groups(namespace), extra);
  }
}
