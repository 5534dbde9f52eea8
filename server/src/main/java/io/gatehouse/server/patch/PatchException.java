package io.gatehouse.server.patch;

/**
 * A patch that cannot be applied, with the text upstream's patch libraries report. {@link
 * #badRequest()} tells whether kube-apiserver answers 400 (a malformed patch) or 422 (a patch that
 * does not apply to the object).
 */
public final class PatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean badRequest;

  /** Creates the exception. */
  public PatchException(String message, boolean badRequest) {
    super(message, null, false, false);
    this.badRequest = badRequest;
  }

  /** Returns whether the patch itself is malformed (400) rather than inapplicable (422). */
  public boolean badRequest() {
    return badRequest;
  }
}
