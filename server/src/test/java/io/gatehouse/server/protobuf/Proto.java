package io.gatehouse.server.protobuf;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds protobuf messages for tests with protobuf-java's {@link CodedOutputStream}, field by
 * field, in the order given (so tests can repeat fields or put them out of order).
 */
public final class Proto {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  /** An empty message to add fields to. */
  public static Proto message() {
    return new Proto();
  }

  /** A {@code k8s\0} envelope around {@code raw}, with the given type meta. */
  public static byte[] envelope(String apiVersion, String kind, Proto raw) {
    Proto unknown = message()
        .message(1, message().string(1, apiVersion).string(2, kind))
        .bytes(2, raw.bytes())
        .string(3, "")
        .string(4, "");
    return prefixed(unknown.bytes());
  }

  /** {@code bytes} behind the {@code k8s\0} prefix. */
  public static byte[] prefixed(byte[] bytes) {
    byte[] out = new byte[bytes.length + 4];
    System.arraycopy(new byte[] {0x6b, 0x38, 0x73, 0x00}, 0, out, 0, 4);
    System.arraycopy(bytes, 0, out, 4, bytes.length);
    return out;
  }

  public Proto string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public Proto bytes(int field, byte[] value) {
    return write(() -> out.writeByteArray(field, value));
  }

  /** A varint field ({@code int32}, {@code int64}, {@code bool} as 0/1). */
  public Proto varint(int field, long value) {
    return write(() -> out.writeInt64(field, value));
  }

  public Proto message(int field, Proto value) {
    return bytes(field, value.bytes());
  }

  /** An entry of a {@code map<string, string>} field. */
  public Proto entry(int field, String key, String value) {
    return message(field, message().string(1, key).string(2, value));
  }

  /** An entry of a {@code map<string, Message>} field. */
  public Proto entry(int field, String key, Proto value) {
    return message(field, message().string(1, key).message(2, value));
  }

  /** Raw bytes appended as they are (for malformed input). */
  public Proto raw(byte... value) {
    return write(() -> out.writeRawBytes(value));
  }

  /** Raw bytes given as ints 0..255, appended as they are. */
  public Proto raw(int... value) {
    byte[] b = new byte[value.length];
    for (int i = 0; i < value.length; i++) {
      b[i] = (byte) value[i];
    }
    return raw(b);
  }

  public byte[] bytes() {
    write(() -> { });
    return bytes.toByteArray();
  }

  private interface Write {
    void run() throws IOException;
  }

  private Proto write(Write w) {
    try {
      w.run();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
