package io.gatehouse.server.openapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protobuf wire-format writer (proto3: fields equal to their default are skipped by the
 * caller). Not thread-safe.
 */
final class ProtoWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  void string(int field, String value) {
    if (!value.isEmpty()) {
      bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  void bool(int field, boolean value) {
    if (value) {
      tag(field, 0);
      varint(1);
    }
  }

  void int64(int field, long value) {
    if (value != 0) {
      tag(field, 0);
      varint(value);
    }
  }

  void float64(int field, double value) {
    if (value != 0) {
      tag(field, 1);
      long bits = Double.doubleToLongBits(value);
      for (int i = 0; i < 8; i++) {
        out.write((int) (bits >>> (8 * i)) & 0xff);
      }
    }
  }

  /** Writes an embedded message (written even when empty: presence matters for oneofs). */
  void message(int field, ProtoWriter message) {
    bytes(field, message.toByteArray());
  }

  private void bytes(int field, byte[] value) {
    tag(field, 2);
    varint(value.length);
    out.writeBytes(value);
  }

  private void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
