package io.gatehouse.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The subject alternative names of the serving certificate Gatehouse issues itself (when no {@code
 * --tls-cert-file} is given), as kube-apiserver names its self-signed one
 * ({@code MaybeDefaultWithSelfSignedCerts}): the advertised address, the {@code kubernetes}
 * Service's IP (the first of {@code --service-cluster-ip-range}), {@code kubernetes.default.svc},
 * {@code kubernetes.default}, {@code kubernetes}, and the bind address ({@code localhost} for a
 * wildcard bind). Added to those: kubeadm's {@code kubernetes.default.svc.cluster.local}, and
 * 127.0.0.1 and {@code localhost} always, because the admin kubeconfig points at 127.0.0.1 for a
 * wildcard bind. Immutable.
 *
 * @param ips the IP SANs, without duplicates
 * @param dnsNames the DNS SANs, without duplicates
 */
record ServingNames(List<InetAddress> ips, List<String> dnsNames) {

  /** kubeadm's default {@code --service-dns-domain}; kube-apiserver has no such flag. */
  static final String CLUSTER_DOMAIN = "cluster.local";

  /** Copies the lists. */
  ServingNames {
    ips = List.copyOf(ips);
    dnsNames = List.copyOf(dnsNames);
  }

  /** The names for a server bound to {@code bind} with the Service network {@code network}. */
  static ServingNames of(InetAddress bind, ServiceNetworkOptions network) {
    Set<InetAddress> ips = new LinkedHashSet<>();
    ips.add(InetAddress.getLoopbackAddress());
    if (!bind.isAnyLocalAddress()) {
      ips.add(bind);
    }
    network.advertiseAddress().ifPresent(a -> ips.add(literal(a)));
    ips.add(literal(Ipv4Prefix.format(network.kubernetesServiceIp())));
    List<String> dns = new ArrayList<>(List.of("localhost", "kubernetes",
        "kubernetes.default", "kubernetes.default.svc",
        "kubernetes.default.svc." + CLUSTER_DOMAIN));
    return new ServingNames(new ArrayList<>(ips), dns);
  }

  private static InetAddress literal(String ip) {
    try {
      // An IP literal: no name lookup happens.
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }
}
