package io.gatehouse.server;

import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A view of one {@code metadata.ownerReferences} entry, read from an object for the garbage
 * collector, with the edits it makes to an object's references. Immutable.
 *
 * @param apiVersion the owner's {@code apiVersion}
 * @param kind the owner's kind
 * @param name the owner's name (in the dependent's namespace when the owner is namespaced)
 * @param uid the owner's uid: the reference holds only while an object with this uid exists
 * @param blockOwnerDeletion whether the owner's foreground deletion waits for this dependent
 */
record OwnerReference(String apiVersion, String kind, String name, String uid,
    boolean blockOwnerDeletion) {

  /** The owner's group, version and kind. */
  GroupVersionKind groupVersionKind() {
    return GroupVersion.parse(apiVersion).withKind(kind);
  }

  /** The references of {@code obj}, in order; entries that are not objects are skipped. */
  static List<OwnerReference> of(Unstructured obj) {
    List<OwnerReference> out = new ArrayList<>();
    if (obj.metadata().get("ownerReferences") instanceof List<?> refs) {
      for (Object o : refs) {
        if (o instanceof Map<?, ?> m) {
          out.add(new OwnerReference(string(m, "apiVersion"), string(m, "kind"),
              string(m, "name"), string(m, "uid"),
              Boolean.TRUE.equals(m.get("blockOwnerDeletion"))));
        }
      }
    }
    return out;
  }

  /**
   * Removes the references to the owners {@code uids} from {@code obj}; the field goes away with
   * the last one, as the strategic merge patch the garbage collector sends leaves it.
   */
  static void remove(Unstructured obj, Collection<String> uids) {
    Map<String, @Nullable Object> meta = obj.metadataForWrite();
    if (!(meta.get("ownerReferences") instanceof List<?> refs)) {
      return;
    }
    List<Object> kept = new ArrayList<>();
    for (Object o : refs) {
      if (!(o instanceof Map<?, ?> m && uids.contains(string(m, "uid")))) {
        kept.add(o);
      }
    }
    if (kept.isEmpty()) {
      meta.remove("ownerReferences");
    } else {
      meta.put("ownerReferences", kept);
    }
  }

  /** Sets {@code blockOwnerDeletion} to false on every reference of {@code obj} that blocks. */
  @SuppressWarnings("unchecked")
  static void unblock(Unstructured obj) {
    if (obj.metadataForWrite().get("ownerReferences") instanceof List<?> refs) {
      for (Object o : refs) {
        if (o instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("blockOwnerDeletion"))) {
          ((Map<String, Object>) m).put("blockOwnerDeletion", false);
        }
      }
    }
  }

  private static String string(Map<?, ?> m, String key) {
    return m.get(key) instanceof String s ? s : "";
  }
}
