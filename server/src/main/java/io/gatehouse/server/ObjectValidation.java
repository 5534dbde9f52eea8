package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.validation.NameValidation;
import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.ObjectMetaValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata validation upstream's {@code ValidateObjectMeta} does for every resource, as far as
 * it needs no types: name (or generateName) present and valid for the resource, namespace present
 * and a valid DNS label for namespaced resources and absent for cluster-scoped ones, owner
 * references and finalizers ({@link ObjectMetaValidation#references}), and on update the name
 * unchanged. Failures are 422 Invalid with one cause per field. Stateless.
 */
final class ObjectValidation {

  private ObjectValidation() {}

  static void validateCreate(StoredResource r, Unstructured obj) {
    List<FieldError> errors = new ArrayList<>();
    String name = obj.name();
    if (name.isEmpty()) {
      errors.add(FieldError.required("metadata.name", "name or generateName is required"));
    } else {
      for (String msg : ResourceStrategy.validateName(r, name)) {
        errors.add(FieldError.invalid("metadata.name", name, msg));
      }
    }
    namespace(r, obj, errors);
    errors.addAll(ObjectMetaValidation.references(obj.metadata(), "metadata"));
    if (!errors.isEmpty()) {
      throw SchemaErrors.invalid(r.kind().group(), r.kind().kind(), name, errors);
    }
  }

  static void validateUpdate(StoredResource r, Unstructured obj, Unstructured old) {
    List<FieldError> errors = new ArrayList<>();
    namespace(r, obj, errors);
    errors.addAll(ObjectMetaValidation.references(obj.metadata(), "metadata"));
    // Upstream checks the immutable times twice: BeforeUpdate's common-field validation and the
    // kind's own ValidateObjectMetaUpdate. Both causes are kept; the message names each once.
    List<FieldError> times = ObjectMetaValidation.immutableTimes(obj.metadata(), old.metadata(),
        "metadata");
    errors.addAll(times);
    errors.addAll(times);
    if (!errors.isEmpty()) {
      throw SchemaErrors.invalid(r.kind().group(), r.kind().kind(), old.name(), errors);
    }
  }

  private static void namespace(StoredResource r, Unstructured obj, List<FieldError> errors) {
    String ns = obj.namespace();
    if (r.namespaced()) {
      if (ns.isEmpty()) {
        errors.add(FieldError.required("metadata.namespace", ""));
      } else {
        for (String msg : NameValidation.isDns1123Label(ns)) {
          errors.add(FieldError.invalid("metadata.namespace", ns, msg));
        }
      }
    } else if (!ns.isEmpty()) {
      errors.add(FieldError.forbidden("metadata.namespace", "not allowed on this type"));
    }
  }
}
