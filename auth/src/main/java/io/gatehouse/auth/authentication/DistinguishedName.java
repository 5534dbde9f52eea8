package io.gatehouse.auth.authentication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Reads a certificate subject as Go's {@code pkix.Name} does: the values of each attribute type
 * ({@code CN}, {@code O}, …) in the order they appear in the certificate. Stateless.
 */
final class DistinguishedName {

  private DistinguishedName() {}

  static Map<String, List<String>> attributes(X500Principal principal) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try {
      List<Rdn> rdns = new ArrayList<>(new LdapName(principal.getName(X500Principal.RFC2253)).getRdns());
      // getRdns() starts at the rightmost RFC 2253 RDN, which is the first in the certificate.
      for (int i = 0; i < rdns.size(); i++) {
        Rdn rdn = rdns.get(i);
        out.computeIfAbsent(rdn.getType().toUpperCase(java.util.Locale.ROOT), k -> new ArrayList<>())
            .add(String.valueOf(rdn.getValue()));
      }
    } catch (InvalidNameException e) {
      throw new IllegalStateException("unparsable certificate subject " + principal, e);
    }
    return out;
  }
}
