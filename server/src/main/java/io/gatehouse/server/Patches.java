package io.gatehouse.server;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.server.patch.JsonPatch;
import io.gatehouse.server.patch.MergePatch;
import io.gatehouse.server.patch.PatchException;
import io.gatehouse.server.patch.StrategicMergePatch;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies a PATCH body to the stored object by content type: JSON patch, merge patch and
 * strategic merge patch; server-side apply ({@code application/apply-patch+yaml}) is {@link
 * ApplyPatch}'s. Other types get upstream's 415 listing the accepted ones. A patch whose result does not
 * set {@code metadata.resourceVersion} itself is retried on concurrent writes (upstream's
 * patcher); one that sets it must match. Stateless.
 */
final class Patches {

  static final List<String> SUPPORTED = List.of("application/json-patch+json",
      "application/merge-patch+json", "application/strategic-merge-patch+json",
      "application/apply-patch+yaml");

  private Patches() {}

  static Unstructured apply(String type, Unstructured current, @Nullable Object patch,
      StoredResource r, String name) {
    String currentRv = current.metadata().get("resourceVersion") instanceof String s ? s : "";
    Object result;
    try {
      result = switch (type) {
        case "application/json-patch+json" -> JsonPatch.apply(current.object(), patch);
        case "application/merge-patch+json" -> MergePatch.apply(current.object(), patch);
        default -> StrategicMergePatch.apply(current.object(), patch, r.kind().kind());
      };
    } catch (PatchException e) {
      if (e.badRequest()) {
        throw StatusException.badRequest(e.getMessage());
      }
      throw ApiErrors.unprocessable(e.getMessage());
    }
    if (!(result instanceof Map<?, ?> m)) {
      throw new StatusException(new Status("the server rejected our request due to an error in "
          + "our request", StatusReason.INVALID, null, 422));
    }
    @SuppressWarnings("unchecked")
    Unstructured patched = Unstructured.wrap((Map<String, @Nullable Object>) m);
    if (!patched.name().equals(name)) {
      throw StatusException.badRequest("the name of the object (" + patched.name()
          + ") does not match the name on the URL (" + name + ")");
    }
    Object rv = patched.metadata().get("resourceVersion");
    if (currentRv.equals(rv) && !mentionsResourceVersion(patch)) {
      patched.metadataForWrite().remove("resourceVersion");
    }
    return patched;
  }

  private static boolean mentionsResourceVersion(@Nullable Object patch) {
    if (patch instanceof Map<?, ?> m && m.get("metadata") instanceof Map<?, ?> meta) {
      return meta.containsKey("resourceVersion");
    }
    if (patch instanceof List<?> ops) {
      return ops.stream().anyMatch(o -> o instanceof Map<?, ?> op
          && String.valueOf(op.get("path")).startsWith("/metadata/resourceVersion"));
    }
    return false;
  }
}
