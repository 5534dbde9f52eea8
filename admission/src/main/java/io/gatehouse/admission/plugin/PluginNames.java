package io.gatehouse.admission.plugin;

import java.util.List;
import java.util.Set;

/**
 * The admission plugins kube-apiserver 1.33 registers, in the order they run ({@code
 * AllOrderedPlugins} in {@code pkg/kubeapiserver/options/plugins.go}), the ones it enables by
 * default ({@code DefaultOffAdmissionPlugins}' complement), and the ones Gatehouse implements.
 * Constants only.
 */
public final class PluginNames {

  public static final String NAMESPACE_LIFECYCLE = "NamespaceLifecycle";
  public static final String LIMIT_RANGER = "LimitRanger";
  public static final String SERVICE_ACCOUNT = "ServiceAccount";
  public static final String NODE_RESTRICTION = "NodeRestriction";
  public static final String POD_SECURITY = "PodSecurity";
  public static final String PRIORITY = "Priority";
  public static final String DEFAULT_TOLERATION_SECONDS = "DefaultTolerationSeconds";
  public static final String DEFAULT_STORAGE_CLASS = "DefaultStorageClass";
  public static final String VALIDATING_ADMISSION_POLICY = "ValidatingAdmissionPolicy";

  /** Every registered plugin, in execution order. */
  public static final List<String> ORDERED = List.of(
      "AlwaysAdmit",
      "NamespaceAutoProvision",
      NAMESPACE_LIFECYCLE,
      "NamespaceExists",
      "LimitPodHardAntiAffinityTopology",
      LIMIT_RANGER,
      SERVICE_ACCOUNT,
      NODE_RESTRICTION,
      "TaintNodesByCondition",
      "AlwaysPullImages",
      "ImagePolicyWebhook",
      POD_SECURITY,
      "PodNodeSelector",
      PRIORITY,
      DEFAULT_TOLERATION_SECONDS,
      "PodTolerationRestriction",
      "EventRateLimit",
      "ExtendedResourceToleration",
      DEFAULT_STORAGE_CLASS,
      "StorageObjectInUseProtection",
      "OwnerReferencesPermissionEnforcement",
      "PersistentVolumeClaimResize",
      "RuntimeClass",
      "CertificateApproval",
      "CertificateSigning",
      "ClusterTrustBundleAttest",
      "CertificateSubjectRestriction",
      "DefaultIngressClass",
      "DenyServiceExternalIPs",
      "PodTopologyLabels",
      "MutatingAdmissionPolicy",
      "MutatingAdmissionWebhook",
      VALIDATING_ADMISSION_POLICY,
      "ValidatingAdmissionWebhook",
      "ResourceQuota",
      "AlwaysDeny");

  /** The plugins kube-apiserver 1.33 enables when no flag says otherwise. */
  public static final Set<String> UPSTREAM_DEFAULT_ON = Set.of(
      NAMESPACE_LIFECYCLE, LIMIT_RANGER, SERVICE_ACCOUNT, DEFAULT_STORAGE_CLASS,
      "PersistentVolumeClaimResize", DEFAULT_TOLERATION_SECONDS, "MutatingAdmissionWebhook",
      "ValidatingAdmissionWebhook", "ResourceQuota", "StorageObjectInUseProtection", PRIORITY,
      "TaintNodesByCondition", "RuntimeClass", "CertificateApproval", "CertificateSigning",
      "ClusterTrustBundleAttest", "CertificateSubjectRestriction", "DefaultIngressClass",
      POD_SECURITY, "PodTopologyLabels", "MutatingAdmissionPolicy", VALIDATING_ADMISSION_POLICY);

  /**
   * Gatehouse's default set: upstream's plus {@code NodeRestriction}, which kubeadm and most
   * distributions enable and Gatehouse always ran.
   */
  public static final Set<String> DEFAULT_ON = union(UPSTREAM_DEFAULT_ON, NODE_RESTRICTION);

  /** The plugins Gatehouse enforces; the others are accepted by name only. */
  public static final Set<String> IMPLEMENTED = Set.of(NAMESPACE_LIFECYCLE, LIMIT_RANGER,
      SERVICE_ACCOUNT, NODE_RESTRICTION, POD_SECURITY, PRIORITY, DEFAULT_TOLERATION_SECONDS,
      DEFAULT_STORAGE_CLASS, VALIDATING_ADMISSION_POLICY);

  private PluginNames() {}

  private static Set<String> union(Set<String> set, String extra) {
    java.util.HashSet<String> out = new java.util.HashSet<>(set);
    out.add(extra);
    return Set.copyOf(out);
  }
}
