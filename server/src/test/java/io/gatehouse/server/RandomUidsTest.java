package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomUidsTest {

  @Test
  void next_manyAcrossRefills_distinctVersion4IetfVariantCanonicalForm() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String uid = RandomUids.next();
      UUID parsed = UUID.fromString(uid);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
      assertThat(uid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(seen.add(uid)).isTrue();
    }
  }
}
