package io.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of get, create, update and delete: revisions, optimistic concurrency, values, misuse.
 */
public interface CrudContract extends StoreContract {

  @Test
  default void get_missingKey_returnsEmptyAtCurrentRevision() {
    KeyValue other = created("/registry/pods/default/other", "x");

    assertThat(store().get("/registry/pods/default/web"))
        .isEqualTo(new GetResult(other.modRevision(), Optional.empty()));
  }

  @Test
  default void create_newKey_returnsVersionAtNextRevision() {
    long before = store().currentRevision();

    CreateResult result = store().create("/registry/pods/default/web", bytes("v1"));

    KeyValue expected =
        new KeyValue("/registry/pods/default/web", bytes("v1"), before + 1, before + 1);
    assertThat(result).isEqualTo(new CreateResult.Created(expected));
    assertThat(result.revision()).isEqualTo(before + 1);
    assertThat(store().currentRevision()).isEqualTo(before + 1);
    assertThat(store().get("/registry/pods/default/web"))
        .isEqualTo(new GetResult(before + 1, Optional.of(expected)));
  }

  @Test
  default void create_existingKey_returnsKeyExistsAndWritesNothing() {
    KeyValue first = created("/k", "v1");

    CreateResult result = store().create("/k", bytes("v2"));

    assertThat(result).isEqualTo(new CreateResult.KeyExists(first.modRevision(), first));
    assertThat(store().currentRevision()).isEqualTo(first.modRevision());
  }

  @Test
  default void create_afterDelete_startsNewGeneration() {
    KeyValue first = created("/k", "v1");
    long deletedAt = store().delete("/k", first.modRevision()).revision();

    KeyValue second = created("/k", "v2");

    assertThat(second).isEqualTo(new KeyValue("/k", bytes("v2"), deletedAt + 1, deletedAt + 1));
  }

  @Test
  default void update_expectedRevision_returnsNewVersionAndPrevious() {
    KeyValue first = created("/k", "v1");

    UpdateResult result = store().update("/k", first.modRevision(), bytes("v2"));

    KeyValue expected =
        new KeyValue("/k", bytes("v2"), first.createRevision(), first.modRevision() + 1);
    assertThat(result).isEqualTo(new UpdateResult.Updated(expected, first));
    assertThat(store().get("/k").kv()).contains(expected);
  }

  @Test
  default void update_staleRevision_returnsConflictWithCurrentAndWritesNothing() {
    KeyValue first = created("/k", "v1");
    KeyValue second = updated("/k", first.modRevision(), "v2");

    UpdateResult result = store().update("/k", first.modRevision(), bytes("v3"));

    assertThat(result).isEqualTo(new UpdateResult.Conflict(second.modRevision(), second));
    assertThat(store().currentRevision()).isEqualTo(second.modRevision());
  }

  @Test
  default void update_missingOrDeletedKey_returnsNotFound() {
    KeyValue first = created("/k", "v1");
    long deletedAt = store().delete("/k", first.modRevision()).revision();

    assertThat(store().update("/k", first.modRevision(), bytes("v2")))
        .isEqualTo(new UpdateResult.NotFound(deletedAt));
    assertThat(store().update("/missing", 1, bytes("v2")))
        .isEqualTo(new UpdateResult.NotFound(deletedAt));
  }

  @Test
  default void delete_expectedRevision_returnsPreviousAndKeyDisappears() {
    KeyValue first = created("/k", "v1");

    DeleteResult result = store().delete("/k", first.modRevision());

    assertThat(result).isEqualTo(new DeleteResult.Deleted(first.modRevision() + 1, first));
    assertThat(store().get("/k"))
        .isEqualTo(new GetResult(first.modRevision() + 1, Optional.empty()));
  }

  @Test
  default void delete_staleRevision_returnsConflictAndKeepsKey() {
    KeyValue first = created("/k", "v1");
    KeyValue second = updated("/k", first.modRevision(), "v2");

    assertThat(store().delete("/k", first.modRevision()))
        .isEqualTo(new DeleteResult.Conflict(second.modRevision(), second));
    assertThat(store().get("/k").kv()).contains(second);
  }

  @Test
  default void delete_missingKey_returnsNotFound() {
    assertThat(store().delete("/missing", 1)).isEqualTo(new DeleteResult.NotFound(0));
  }

  @Test
  default void values_binaryAndEmpty_roundTripExactly() {
    byte[] all = new byte[256];
    IntStream.range(0, 256).forEach(i -> all[i] = (byte) i);

    created("/binary", all);
    created("/empty", new byte[0]);

    assertThat(store().get("/binary").kv().orElseThrow().value()).isEqualTo(all);
    assertThat(store().get("/empty").kv().orElseThrow().value()).isEmpty();
  }

  @Test
  default void values_callerMutatesArrays_storeKeepsWhatWasWritten() {
    byte[] value = bytes("original");
    KeyValue kv = created("/k", value);
    value[0] = 'X';
    kv.value()[0] = 'Y';

    assertThat(store().get("/k").kv().orElseThrow().value()).isEqualTo(bytes("original"));
  }

  /** A call that breaks {@link KeyValueStore}'s argument rules. */
  record Misuse(String name, Consumer<KeyValueStore> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The calls of {@link #calls_invalidArguments_throwIllegalArgument}. */
  static Stream<Misuse> misuses() {
    return Stream.of(
        new Misuse("empty key", s -> s.create("", new byte[] {1})),
        new Misuse("unpaired surrogate", s -> s.get("/a\uD800b")),
        new Misuse("zero expected revision", s -> s.update("/k", 0, new byte[] {1})),
        new Misuse("negative expected revision", s -> s.delete("/k", -1)),
        new Misuse("negative watch revision", s -> s.watch("/", -1)),
        new Misuse("negative compaction", s -> s.compact(-1)),
        new Misuse("negative list revision", s -> s.list("/", ListOptions.atRevision(-1))),
        new Misuse("negative limit", s -> s.list("/", ListOptions.latest().withLimit(-1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.storage.CrudContract#misuses")
  default void calls_invalidArguments_throwIllegalArgument(Misuse misuse) {
    assertThatThrownBy(() -> misuse.call().accept(store()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void calls_afterClose_throwIllegalState() {
    store().close();

    assertThatThrownBy(() -> store().get("/k")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store().create("/k", bytes("v")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store().watch("/", 0)).isInstanceOf(IllegalStateException.class);
    store().close();
  }
}
