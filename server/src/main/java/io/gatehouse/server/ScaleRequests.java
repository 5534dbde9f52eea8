package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.server.crd.CrdDefinition;
import io.gatehouse.server.crd.ScaleFields;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code scale} subresource of custom resources (apiextensions' {@code ScaleREST}): {@code
 * get} answers the {@code autoscaling/v1} Scale built from the object's replica and selector
 * fields; {@code update} and {@code patch} (JSON and merge patches of the Scale) validate {@code
 * spec.replicas} and write it to the object's {@code specReplicasPath}, an update of the object
 * (its validation runs) that admission sees as Scale objects of the {@code scale} subresource,
 * as for built-in workloads ({@link ScaleHandler}). Stateless.
 */
final class ScaleRequests {

  private static final io.gatehouse.api.GroupVersionKind SCALE =
      new io.gatehouse.api.GroupVersionKind("autoscaling", "v1", "Scale");

  private ScaleRequests() {}

  static ApiResponse handle(ApiRequest request, String verb, StoredResource r, Registry registry,
      CrdDefinition.Scale scale, String ns, String name, WriteAdmission admit, boolean dryRun) {
    return switch (verb) {
      case "get" -> ApiResponse.json(200, scaleOf(registry.get(r, ns, name), scale, r));
      case "update", "patch" -> update(request, verb, r, registry, scale, ns, name, admit,
          dryRun);
      default -> throw ApiErrors.methodNotAllowed(verb, r.groupResource());
    };
  }

  private static ApiResponse update(ApiRequest request, String verb, StoredResource r,
      Registry registry, CrdDefinition.Scale scale, String ns, String name,
      WriteAdmission admit, boolean dryRun) {
    String type = "application/json";
    if (verb.equals("patch")) {
      String ct = request.headers().first("Content-Type");
      int semi = ct.indexOf(';');
      type = (semi < 0 ? ct : ct.substring(0, semi)).strip();
      BehaviorRequests.checkPatchType(r, type, Patches.SUPPORTED);
    }
    if (type.equals(ApplyPatch.YAML)) {
      FieldManagement.applyOptions(request);
    } else {
      FieldManagement.manager(request, verb.equals("patch") ? "PatchOptions" : "UpdateOptions");
    }
    Object body = BodyDecoder.decode(request.body(), verb.equals("patch") ? "application/json"
        : request.headers().first("Content-Type")).value();
    String patchType = type;
    WriteAdmission onScales = w -> admit.validate(new WriteRequest(w.resource(), "scale",
        w.operation(), w.namespace(), w.name(),
        w.object() == null ? null : Unstructured.copyOf(scaleOf(w.object(), scale, r)),
        w.oldObject() == null ? null : Unstructured.copyOf(scaleOf(w.oldObject(), scale, r)),
        w.dryRun(), SCALE));
    Registry.Written w = registry.update(r, ns, name, "scale", old -> {
      Map<String, Object> current = scaleOf(old, scale, r);
      Unstructured wanted = verb.equals("patch")
          ? Patches.apply(patchType, Unstructured.copyOf(current), body, r, name)
          : Unstructured.wrap(BodyDecoder.object(new BodyDecoder.Decoded(body, List.of())));
      long replicas = validReplicas(wanted);
      Object rv = wanted.metadata().get("resourceVersion");
      ScaleFields.setReplicas(old.object(), scale, replicas);
      if (rv instanceof String s && !s.isEmpty()) {
        old.metadataForWrite().put("resourceVersion", s);
      } else {
        old.metadataForWrite().remove("resourceVersion");
      }
      return old;
    }, dryRun, onScales);
    return ResourceHandler.withWarnings(ApiResponse.json(200, scaleOf(w.object(), scale, r)),
        w.warnings());
  }

  private static Map<String, Object> scaleOf(Unstructured obj, CrdDefinition.Scale scale,
      StoredResource r) {
    try {
      return ScaleFields.scale(obj.object(), scale).orElseThrow(() -> internal(
          "the spec replicas field " + GoQuote.quote(scale.specReplicasPath())
              + " does not exist"));
    } catch (IllegalStateException e) {
      throw internal(e.getMessage());
    }
  }

  /** {@code ValidateScale}: {@code spec.replicas} must be a non-negative integer. */
  private static long validReplicas(Unstructured scale) {
    Object replicas = scale.get("spec", "replicas").orElse(0L);
    long n = replicas instanceof Long l ? l : 0L;
    if (n < 0) {
      String body = "Invalid value: " + n + ": must be greater than or equal to 0";
      throw new StatusException(new Status("Scale.autoscaling " + GoQuote.quote(scale.name())
          + " is invalid: spec.replicas: " + body, StatusReason.INVALID,
          new Status.Details(scale.name(), "autoscaling", "Scale",
              List.of(new Status.Cause("FieldValueInvalid", body, "spec.replicas"))), 422));
    }
    return n;
  }

  private static StatusException internal(@Nullable String message) {
    return new StatusException(new Status("Internal error occurred: " + message,
        StatusReason.INTERNAL_ERROR, new Status.Details("", "", "", List.of(
            new Status.Cause("", message == null ? "" : message, ""))), 500));
  }
}
