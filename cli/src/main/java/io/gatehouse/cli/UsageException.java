package io.gatehouse.cli;

/** Bad input or usage found while running a command: printed as {@code error: …}, exit 2. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
