package io.gatehouse.storage;

/**
 * The store could not do its job: an I/O or database failure, a store file in use by another
 * process, or a schema this version does not understand. Unchecked; the API server answers 500. A
 * write that fails with this exception was not acknowledged and may or may not have been applied.
 * Messages never contain values.
 */
public final class StorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with {@code message}. */
  public StorageException(String message) {
    super(message);
  }

  /** Creates an exception with {@code message} caused by {@code cause}. */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
