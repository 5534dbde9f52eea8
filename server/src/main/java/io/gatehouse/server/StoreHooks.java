package io.gatehouse.server;

import io.gatehouse.api.Unstructured;

/**
 * A resource's part in the registry's writes beyond validation, upstream's {@code
 * registry.Store} hooks {@code BeginCreate}, {@code BeginUpdate} (returning a {@code FinishFunc})
 * and {@code AfterDelete}: Services reserve cluster IPs and node ports before they are stored and
 * free them when they are deleted. The registry calls {@code begin…} once the object is prepared
 * (after the namespace check, before validating admission) and always calls the returned {@link
 * Finish} once: with {@code true} after the object was stored (or, for a dry run, would have
 * been), with {@code false} on any failure, so that reservations never outlive a write that did
 * not happen. Implementations are thread-safe.
 */
interface StoreHooks {

  /** Hooks that do nothing. */
  StoreHooks NONE = new StoreHooks() {};

  /**
   * Prepares and reserves for the create of {@code obj} (may change it).
   *
   * @throws io.gatehouse.api.StatusException the client's error; nothing stays reserved
   */
  default Finish beginCreate(Unstructured obj, boolean dryRun) {
    return Finish.NOTHING;
  }

  /**
   * Prepares and reserves for the update of the main resource from {@code old} to {@code obj}
   * (may change {@code obj}).
   *
   * @throws io.gatehouse.api.StatusException the client's error; nothing stays reserved
   */
  default Finish beginUpdate(Unstructured obj, Unstructured old, boolean dryRun) {
    return Finish.NOTHING;
  }

  /** Frees what {@code deleted} held, once it is gone from the store. Never throws. */
  default void afterDelete(Unstructured deleted, boolean dryRun) {}

  /** Completes a write: commits its reservations on success, undoes them otherwise. */
  @FunctionalInterface
  interface Finish {

    Finish NOTHING = success -> {};

    void finish(boolean success);
  }
}
