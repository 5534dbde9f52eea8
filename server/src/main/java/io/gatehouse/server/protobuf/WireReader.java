package io.gatehouse.server.protobuf;

/**
 * Reads the protobuf wire format of one message out of a byte range, failing with the texts of
 * the gogo-generated {@code Unmarshal} methods upstream uses. Not thread-safe; one per message.
 */
final class WireReader {

  static final String UNEXPECTED_EOF = "unexpected EOF";
  static final String OVERFLOW = "proto: integer overflow";
  static final String NEGATIVE_LENGTH = "proto: negative length found during unmarshaling";

  /** A byte range {@code [start, end)} of the reader's array. */
  record Span(byte[] data, int start, int end) {
    int length() {
      return end - start;
    }
  }

  private final byte[] data;
  private final int end;
  private final String goType;
  private int pos;

  /**
   * @param goType the Go type name of the message, for error texts
   */
  WireReader(byte[] data, int start, int end, String goType) {
    this.data = data;
    this.pos = start;
    this.end = end;
    this.goType = goType;
  }

  WireReader(Span span, String goType) {
    this(span.data(), span.start(), span.end(), goType);
  }

  boolean more() {
    return pos < end;
  }

  int position() {
    return pos;
  }

  /**
   * Reads a field key and returns it; field number and wire type are {@link #number} and {@link
   * #wireType} of the result.
   */
  long key() {
    long key = varint();
    int wire = wireType(key);
    int number = number(key);
    if (wire == 4) {
      throw new ProtoError("proto: " + goType + ": wiretype end group for non-group");
    }
    if (number <= 0) {
      // upstream prints the whole key here, not just its wire type
      throw new ProtoError("proto: " + goType + ": illegal tag " + number + " (wire type "
          + Long.toUnsignedString(key) + ")");
    }
    return key;
  }

  static int number(long key) {
    return (int) (key >>> 3);
  }

  static int wireType(long key) {
    return (int) (key & 7);
  }

  long varint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift >= 64) {
        throw new ProtoError(OVERFLOW);
      }
      if (pos >= end) {
        throw new ProtoError(UNEXPECTED_EOF);
      }
      int b = data[pos++] & 0xFF;
      value |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return value;
      }
    }
  }

  /** Reads a length-delimited value (after its key). */
  Span lengthDelimited() {
    long length = varint();
    if (length < 0) {
      throw new ProtoError(NEGATIVE_LENGTH);
    }
    long post = pos + length;
    if (post < 0) {
      throw new ProtoError(NEGATIVE_LENGTH);
    }
    if (post > end) {
      throw new ProtoError(UNEXPECTED_EOF);
    }
    Span span = new Span(data, pos, (int) post);
    pos = (int) post;
    return span;
  }

  /**
   * Skips the unknown field whose key started at {@code keyStart} (already read), as upstream's
   * {@code skipGenerated} does, including groups.
   */
  void skip(int keyStart) {
    pos = keyStart;
    int depth = 0;
    while (pos < end) {
      int wire = wireType(varint());
      switch (wire) {
        case 0 -> varint();
        case 1 -> advance(8);
        case 2 -> {
          long length = varint();
          if (length < 0) {
            throw new ProtoError(NEGATIVE_LENGTH);
          }
          advance(length);
        }
        case 3 -> depth++;
        case 4 -> {
          if (depth == 0) {
            throw new ProtoError("proto: unexpected end of group");
          }
          depth--;
        }
        case 5 -> advance(4);
        default -> throw new ProtoError("proto: illegal wireType " + wire);
      }
      if (depth == 0) {
        return;
      }
    }
    throw new ProtoError(UNEXPECTED_EOF);
  }

  private void advance(long n) {
    long post = pos + n;
    if (post > end) {
      throw new ProtoError(UNEXPECTED_EOF);
    }
    pos = (int) post;
  }

  ProtoError wrongWireType(int wire, String goField) {
    return new ProtoError("proto: wrong wireType = " + wire + " for field " + goField);
  }
}
