package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a resource does beyond the generic registry and {@link ResourceStrategy}: upstream's typed
 * strategies for the resources that have them here (custom resources, CustomResourceDefinitions).
 * When a resource has one, the registry calls it instead of {@link ObjectValidation} and of the
 * generic update preparation of the main resource. Implementations are immutable and thread-safe.
 */
interface ResourceBehavior {

  /**
   * Decodes a request body or a patched object of the served version in place (pruning,
   * defaulting) after its kind was checked.
   *
   * @param patched whether {@code obj} is the result of applying a patch
   * @param warnings receives warnings for the response
   * @throws io.gatehouse.api.StatusException 400 for undecodable content or, with {@code Strict}
   *     field validation, unknown fields
   */
  default void decode(Unstructured obj, FieldValidation validation, boolean patched,
      List<String> warnings) {}

  /** Decodes an object read from storage in place, before it is relabelled to the served version. */
  default void read(Unstructured stored) {}

  /** Prepares a create after the generic preparation ({@link ResourceStrategy#prepareForCreate}). */
  default void prepareForCreate(Unstructured obj) {}

  /**
   * Validates a create; returns warnings.
   *
   * @throws io.gatehouse.api.StatusException 422 Invalid
   */
  List<String> validateCreate(Unstructured obj);

  /**
   * Prepares an update of the main resource (status, generation) after the registry restored the
   * system metadata fields.
   */
  void prepareForUpdate(Unstructured obj, Unstructured old);

  /**
   * Validates an update of the main resource or, for {@code subresource} {@code status}, of the
   * status; returns warnings.
   *
   * @throws io.gatehouse.api.StatusException 422 Invalid
   */
  List<String> validateUpdate(String subresource, Unstructured obj, Unstructured old);

  /**
   * Returns the object to store instead of deleting {@code old} (not yet marked for deletion), or
   * {@code null} for the generic delete.
   *
   * @param now the deletion timestamp to set
   */
  default @Nullable Unstructured markForDeletion(Unstructured old, String now) {
    return null;
  }
}
