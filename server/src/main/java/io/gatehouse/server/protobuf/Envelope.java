package io.gatehouse.server.protobuf;

import io.gatehouse.server.protobuf.WireReader.Span;

/**
 * The {@code k8s\0}-prefixed envelope of a protobuf body, upstream's {@code runtime.Unknown}:
 * {@code typeMeta = 1} ({@code apiVersion = 1}, {@code kind = 2}), {@code raw = 2}, {@code
 * contentEncoding = 3}, {@code contentType = 4}. Upstream decodes {@code raw} as the message of
 * the kind whatever the two content fields say, and so does Gatehouse.
 *
 * @param apiVersion {@code typeMeta.apiVersion}, empty if absent
 * @param kind {@code typeMeta.kind}, empty if absent
 * @param raw the encoded object
 * @param contentEncoding empty if absent
 * @param contentType empty if absent
 */
record Envelope(String apiVersion, String kind, Span raw, String contentEncoding,
    String contentType) {

  /** The magic prefix {@code k8s\0}. */
  static final byte[] PREFIX = {0x6b, 0x38, 0x73, 0x00};

  /**
   * Parses the envelope after the prefix.
   *
   * @throws ProtoError with upstream's text for malformed bytes
   */
  static Envelope parse(byte[] body) {
    String apiVersion = "";
    String kind = "";
    Span raw = new Span(body, body.length, body.length);
    String contentEncoding = "";
    String contentType = "";
    WireReader r = new WireReader(body, PREFIX.length, body.length, "Unknown");
    while (r.more()) {
      int keyStart = r.position();
      long key = r.key();
      int number = WireReader.number(key);
      int wire = WireReader.wireType(key);
      if (number > 4) {
        r.skip(keyStart);
        continue;
      }
      if (wire != 2) {
        throw r.wrongWireType(wire, switch (number) {
          case 1 -> "TypeMeta";
          case 2 -> "Raw";
          case 3 -> "ContentEncoding";
          default -> "ContentType";
        });
      }
      Span value = r.lengthDelimited();
      switch (number) {
        case 1 -> {
          String[] typeMeta = typeMeta(value, apiVersion, kind);
          apiVersion = typeMeta[0];
          kind = typeMeta[1];
        }
        case 2 -> raw = value;
        case 3 -> contentEncoding = MessageDecoder.string(value);
        default -> contentType = MessageDecoder.string(value);
      }
    }
    return new Envelope(apiVersion, kind, raw, contentEncoding, contentType);
  }

  private static String[] typeMeta(Span span, String apiVersion, String kind) {
    String[] out = {apiVersion, kind};
    WireReader r = new WireReader(span, "TypeMeta");
    while (r.more()) {
      int keyStart = r.position();
      long key = r.key();
      int number = WireReader.number(key);
      if (number != 1 && number != 2) {
        r.skip(keyStart);
        continue;
      }
      if (WireReader.wireType(key) != 2) {
        throw r.wrongWireType(WireReader.wireType(key), number == 1 ? "APIVersion" : "Kind");
      }
      out[number - 1] = MessageDecoder.string(r.lengthDelimited());
    }
    return out;
  }
}
