package io.gatehouse.auth.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PEM text into blocks as Go's {@code pem.Decode} loop does: text outside blocks is
 * ignored, RFC 1421 header lines are skipped, a block whose body is not base64 is dropped.
 * Stateless.
 */
final class PemBlocks {

  /** One PEM block: its type and DER bytes. */
  record Block(String type, byte[] der) {}

  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([^\\n-]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

  private PemBlocks() {}

  static List<Block> parse(byte[] data) {
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(new String(data, StandardCharsets.ISO_8859_1));
    while (m.find()) {
      StringBuilder body = new StringBuilder();
      for (String line : m.group(2).split("\n")) {
        if (!line.contains(":")) {
          body.append(line.strip());
        }
      }
      try {
        out.add(new Block(m.group(1), Base64.getDecoder().decode(body.toString())));
      } catch (IllegalArgumentException e) {
        // Not base64: Go's pem.Decode rejects the block; keep looking.
      }
    }
    return out;
  }
}
