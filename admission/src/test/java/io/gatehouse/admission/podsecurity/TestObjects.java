package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.ManifestDecoder;
import java.nio.charset.StandardCharsets;

/** Builds test objects from YAML. */
final class TestObjects {

  private TestObjects() {}

  /** Decodes one object from YAML (which must carry apiVersion and kind). */
  static Unstructured object(String yaml) {
    ManifestDecoder.Result r =
        ManifestDecoder.decode("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.errors()).isEmpty();
    assertThat(r.manifests()).hasSize(1);
    return r.manifests().get(0).object();
  }

  /** Decodes a v1 Pod from the YAML of its fields below {@code kind} (metadata, spec). */
  static Unstructured pod(String yaml) {
    return object("apiVersion: v1\nkind: Pod\n" + yaml);
  }

  /** Returns the view the checks read of a pod given as {@link #pod} YAML. */
  static PodView view(String yaml) {
    Unstructured pod = pod(yaml);
    return PodView.of(pod.metadata(), PodSecurityAdmission.specOf(pod.object()), true);
  }
}
