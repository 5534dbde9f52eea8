package io.gatehouse.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeAwareVersionsTest {

  @Test
  void priorityOrder_mixedVersions_gaThenBetaThenAlphaThenOthersAlphabetically() {
    List<String> versions =
        new ArrayList<>(List.of("foo", "v1alpha1", "v1", "v2beta1", "v10", "v1beta2", "v11alpha2", "bar", "v2", "v1beta1"));
    versions.sort(KubeAwareVersions.PRIORITY_ORDER);
    assertThat(versions)
        .containsExactly("v10", "v2", "v1", "v2beta1", "v1beta2", "v1beta1", "v11alpha2", "v1alpha1", "bar", "foo");
  }
}
