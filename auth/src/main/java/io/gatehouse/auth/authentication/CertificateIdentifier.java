package io.gatehouse.auth.authentication;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code certificateIdentifier}: {@code SN=<decimal serial>, SKID=AB:CD…, AKID=…}, the
 * key identifiers as colon-separated upper-case hex (empty when absent). Stateless.
 */
final class CertificateIdentifier {

  private static final String SUBJECT_KEY_ID = "2.5.29.14";
  private static final String AUTHORITY_KEY_ID = "2.5.29.35";

  private CertificateIdentifier() {}

  static String of(X509Certificate cert) {
    return "SN=" + cert.getSerialNumber() + ", SKID=" + hex(subjectKeyId(cert)) + ", AKID="
        + hex(authorityKeyId(cert));
  }

  /** The key identifier octets inside the extension's OCTET STRING wrapping. */
  private static byte @Nullable [] subjectKeyId(X509Certificate cert) {
    byte[] ext = unwrapOctetString(cert.getExtensionValue(SUBJECT_KEY_ID));
    return ext == null ? null : unwrapOctetString(ext);
  }

  /** AuthorityKeyIdentifier ::= SEQUENCE { [0] keyIdentifier OPTIONAL, … }. */
  private static byte @Nullable [] authorityKeyId(X509Certificate cert) {
    byte[] seq = unwrapOctetString(cert.getExtensionValue(AUTHORITY_KEY_ID));
    if (seq == null || seq.length < 2 || seq[0] != 0x30) {
      return null;
    }
    int[] header = lengthAt(seq, 1);
    int pos = header[1];
    if (pos + 1 >= seq.length || (seq[pos] & 0xff) != 0x80) {
      return null;
    }
    int[] inner = lengthAt(seq, pos + 1);
    return Arrays.copyOfRange(seq, inner[1], inner[1] + inner[0]);
  }

  private static byte @Nullable [] unwrapOctetString(byte @Nullable [] der) {
    if (der == null || der.length < 2 || der[0] != 0x04) {
      return null;
    }
    int[] len = lengthAt(der, 1);
    return Arrays.copyOfRange(der, len[1], len[1] + len[0]);
  }

  /** Returns {length, offset of the content} for the DER length starting at {@code at}. */
  private static int[] lengthAt(byte[] der, int at) {
    int first = der[at] & 0xff;
    if (first < 0x80) {
      return new int[] {first, at + 1};
    }
    int n = first & 0x7f;
    int len = 0;
    for (int i = 0; i < n; i++) {
      len = (len << 8) | (der[at + 1 + i] & 0xff);
    }
    return new int[] {len, at + 1 + n};
  }

  private static String hex(byte @Nullable [] bytes) {
    if (bytes == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(String.format("%02X", bytes[i] & 0xff));
    }
    return sb.toString();
  }
}
