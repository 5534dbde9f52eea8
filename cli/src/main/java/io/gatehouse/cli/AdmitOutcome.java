package io.gatehouse.cli;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.codec.Manifest;

/**
 * The admission of one {@code --resource} object.
 *
 * @param manifest the object and where it came from
 * @param namespace the namespace it was admitted in (empty for cluster-scoped)
 * @param operation the operation
 * @param result the engine's result
 */
record AdmitOutcome(
    Manifest manifest, String namespace, Operation operation, AdmissionResult result) {

  String apiVersion() {
    return manifest.object().apiVersion();
  }

  String kind() {
    return manifest.object().kind();
  }

  String name() {
    String n = manifest.object().name();
    return n.isEmpty() ? manifest.object().generateName() : n;
  }

  /** Returns {@code Kind ns/name} or {@code Kind name} for people. */
  String display() {
    return kind() + " " + (namespace.isEmpty() ? "" : namespace + "/") + name();
  }
}
