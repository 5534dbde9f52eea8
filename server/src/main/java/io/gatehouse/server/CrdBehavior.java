package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.server.crd.CrdConditions;
import io.gatehouse.server.crd.CrdDefinition;
import io.gatehouse.server.crd.CrdReader;
import io.gatehouse.server.crd.CrdStrategy;
import io.gatehouse.server.crd.CrdValidation;
import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.RuleCompiler;
import io.gatehouse.server.schema.SchemaDecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The strategy of {@code apiextensions.k8s.io/v1} CustomResourceDefinitions: v1 defaulting on
 * decode, status reset on create, stored versions and generation on update, upstream's CRD
 * validation (Invalid as {@code CustomResourceDefinition.apiextensions.k8s.io}), and deletion as
 * upstream's CRD storage does it: the first delete only marks the CRD (deletion timestamp, the
 * {@code customresourcecleanup} finalizer, condition {@code Terminating}) and answers with it;
 * {@link CrdController} then removes the objects and the finalizer. Immutable; thread-safe.
 */
final class CrdBehavior implements ResourceBehavior {

  private static final String GROUP = "apiextensions.k8s.io";
  private static final String KIND = "CustomResourceDefinition";

  private final RuleCompiler rules;

  /** @param rules compiles {@code x-kubernetes-validations} rules to check them */
  CrdBehavior(RuleCompiler rules) {
    this.rules = rules;
  }

  @Override
  public void decode(Unstructured obj, FieldValidation validation, boolean patched,
      List<String> warnings) {
    CrdReader.applyDefaults(obj.object());
    read(obj.object());
  }

  private static CrdDefinition read(Map<String, @Nullable Object> obj) {
    try {
      return CrdReader.read(obj);
    } catch (SchemaDecodeException e) {
      throw StatusException.badRequest(KIND + " in version " + GoQuote.quote("v1")
          + " cannot be handled as a " + KIND + ": " + e.getMessage());
    }
  }

  @Override
  public void prepareForCreate(Unstructured obj) {
    CrdStrategy.prepareForCreate(obj.object());
  }

  @Override
  public List<String> validateCreate(Unstructured obj) {
    check(obj, CrdValidation.validateCreate(read(obj.object()), rules));
    return List.of();
  }

  @Override
  public void prepareForUpdate(Unstructured obj, Unstructured old) {
    if (CrdStrategy.prepareForUpdate(obj.object(), old.object())) {
      long generation = old.metadata().get("generation") instanceof Long g ? g : 0L;
      obj.metadataForWrite().put("generation", generation + 1);
    }
  }

  @Override
  public List<String> validateUpdate(String subresource, Unstructured obj, Unstructured old) {
    CrdDefinition crd = read(obj.object());
    CrdDefinition previous = read(old.object());
    check(obj, subresource.equals("status")
        ? CrdValidation.validateStatusUpdate(crd, previous)
        : CrdValidation.validateUpdate(crd, previous, rules));
    return List.of();
  }

  @Override
  public Unstructured markForDeletion(Unstructured old, String now) {
    Map<String, @Nullable Object> meta = old.metadataForWrite();
    meta.put("deletionTimestamp", now);
    List<String> finalizers = new ArrayList<>(Registry.finalizers(old));
    if (!finalizers.contains(CrdStrategy.CLEANUP_FINALIZER)) {
      finalizers.add(CrdStrategy.CLEANUP_FINALIZER);
    }
    meta.put("finalizers", finalizers);
    CrdConditions.set(old.object(), new CrdConditions.Condition("Terminating", "True",
        "InstanceDeletionPending",
        "CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon"),
        now);
    return old;
  }

  private static void check(Unstructured obj, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw SchemaErrors.invalid(GROUP, KIND, obj.name(), errors);
    }
  }
}
