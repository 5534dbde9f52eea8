package io.gatehouse.server.protobuf;

/**
 * A body that cannot be decoded, with the text upstream's decoder reports for the same bytes
 * ({@code unexpected EOF}, {@code proto: wrong wireType = 0 for field Name}, …).
 */
final class ProtoError extends RuntimeException {

  ProtoError(String message) {
    super(message, null, false, false);
  }
}
