package io.gatehouse.admission;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decodes YAML test fixtures. */
public final class Manifests {

  private Manifests() {}

  /** Decodes every document of {@code yaml}; fails on decode errors. */
  public static List<Unstructured> of(String yaml) {
    ManifestDecoder.Result r = ManifestDecoder.decode("test", yaml.getBytes(StandardCharsets.UTF_8));
    if (!r.errors().isEmpty()) {
      throw new IllegalArgumentException(r.errors().toString());
    }
    return r.manifests().stream().map(Manifest::object).toList();
  }

  /** Decodes a single-document {@code yaml}. */
  public static Unstructured one(String yaml) {
    return of(yaml).get(0);
  }
}
