package io.gatehouse.server;

import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;

/**
 * The {@code apiVersion}/{@code kind} checks of create and update bodies: missing ones default to
 * the URL's (as kube-apiserver's decoder defaults them), another group/version is 400 {@code the
 * API version in the data (…) does not match the expected API version (…)}, another kind 400
 * {@code <Kind> in version "<v>" cannot be handled as a <Kind>: …}. Stateless.
 */
final class Kinds {

  private Kinds() {}

  static void check(StoredResource r, Unstructured obj) {
    check(r.kind(), obj);
  }

  /** Checks {@code obj} against {@code expected} (a subresource's kind, e.g. TokenRequest). */
  static void check(GroupVersionKind expected, Unstructured obj) {
    if (obj.apiVersion().isEmpty()) {
      obj.object().put("apiVersion", expected.apiVersion());
    }
    if (obj.kind().isEmpty()) {
      obj.object().put("kind", expected.kind());
    }
    GroupVersion gv = GroupVersion.parse(obj.apiVersion());
    if (!gv.equals(expected.groupVersion())) {
      throw StatusException.badRequest("the API version in the data (" + obj.apiVersion()
          + ") does not match the expected API version (" + expected.apiVersion() + ")");
    }
    if (!obj.kind().equals(expected.kind())) {
      String group = expected.group().isEmpty() ? "core" : expected.group().split("\\.")[0];
      throw StatusException.badRequest(obj.kind() + " in version " + quote(gv.version())
          + " cannot be handled as a " + expected.kind() + ": converting (" + gv.version() + "."
          + obj.kind() + ") to (" + group + "." + expected.kind() + "): unknown conversion");
    }
  }

  private static String quote(String s) {
    return io.gatehouse.api.GoQuote.quote(s);
  }
}
