package io.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Contract of prefix lists: key order, reading at a revision, pages with a continuation that stay
 * consistent while writes happen.
 */
public interface ListContract extends StoreContract {

  @Test
  default void list_prefix_returnsLiveKeysUnderItInKeyOrder() {
    created("/registry/pods/ns/b", "b");
    created("/registry/pods/ns/a", "a");
    KeyValue gone = created("/registry/pods/ns/c", "c");
    store().delete(gone.key(), gone.modRevision());
    created("/registry/pods", "not under the prefix");
    created("/registry/podsx/ns/a", "not under the prefix");
    created("/registry/configmaps/ns/a", "other");

    ListResult.Page page = page(store().list("/registry/pods/", ListOptions.latest()));

    assertThat(keys(page)).containsExactly("/registry/pods/ns/a", "/registry/pods/ns/b");
    assertThat(page.revision()).isEqualTo(store().currentRevision());
    assertThat(page.more()).isFalse();
    assertThat(page.remaining()).isZero();
  }

  @Test
  default void list_emptyPrefix_returnsEveryKey() {
    created("/b", "b");
    created("/a", "a");
    created("z", "z");

    assertThat(keys(page(store().list("", ListOptions.latest())))).containsExactly("/a", "/b", "z");
  }

  @Test
  default void list_olderRevision_returnsStateAtThatRevision() {
    KeyValue a1 = created("/a", "a1");
    KeyValue b1 = created("/b", "b1");
    long then = b1.modRevision();
    updated("/a", a1.modRevision(), "a2");
    store().delete("/b", b1.modRevision());
    created("/c", "c1");

    ListResult.Page old = page(store().list("/", ListOptions.atRevision(then)));

    assertThat(old.revision()).isEqualTo(then);
    assertThat(old.items()).containsExactly(a1, b1);
  }

  @Test
  default void list_futureRevision_returnsFutureRevision() {
    KeyValue a = created("/a", "a");

    assertThat(store().list("/", ListOptions.atRevision(a.modRevision() + 5)))
        .isEqualTo(new ListResult.FutureRevision(a.modRevision(), a.modRevision() + 5));
  }

  @Test
  default void list_limit_returnsPagesWithRemainingCount() {
    for (int i = 0; i < 7; i++) {
      created("/k/" + i, "v" + i);
    }

    ListResult.Page first = page(store().list("/k/", ListOptions.latest().withLimit(3)));
    ListResult.Page second =
        page(
            store()
                .list(
                    "/k/",
                    ListOptions.atRevision(first.revision()).withLimit(3).after(first.lastKey())));
    ListResult.Page third =
        page(
            store()
                .list(
                    "/k/",
                    ListOptions.atRevision(first.revision()).withLimit(3).after(second.lastKey())));

    assertThat(keys(first)).containsExactly("/k/0", "/k/1", "/k/2");
    assertThat(first.more()).isTrue();
    assertThat(first.remaining()).isEqualTo(4);
    assertThat(keys(second)).containsExactly("/k/3", "/k/4", "/k/5");
    assertThat(second.remaining()).isEqualTo(1);
    assertThat(keys(third)).containsExactly("/k/6");
    assertThat(third.more()).isFalse();
    assertThat(third.remaining()).isZero();
  }

  @Test
  default void list_pagesAtFirstPageRevisionWhileWritesHappen_equalOneConsistentList()
      throws Exception {
    for (int i = 0; i < 60; i++) {
      created(String.format("/p/%03d", i), "v0");
    }
    ListResult.Page first = page(store().list("/p/", ListOptions.latest().withLimit(10)));
    List<KeyValue> expected =
        page(store().list("/p/", ListOptions.atRevision(first.revision()))).items();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> writes = writer.submit(() -> churn(stop));

    List<KeyValue> paged = new ArrayList<>(first.items());
    ListResult.Page page = first;
    int step = 0;
    while (page.more()) {
      // Between pages, change keys behind and ahead of the cursor, as well as the churn does.
      String ahead = String.format("/p/%03d", 59 - step);
      KeyValue current = store().get(ahead).kv().orElse(null);
      if (current != null) {
        store().delete(ahead, current.modRevision());
      }
      store().create(String.format("/p/%03d-between-%d", step, step), bytes("new"));
      step++;
      page =
          page(
              store()
                  .list(
                      "/p/",
                      ListOptions.atRevision(first.revision())
                          .withLimit(10)
                          .after(page.lastKey())));
      assertThat(page.revision()).isEqualTo(first.revision());
      paged.addAll(page.items());
    }
    stop.set(true);
    writes.get();
    writer.shutdown();

    assertThat(paged).isEqualTo(expected);
    assertThat(store().currentRevision()).isGreaterThan(first.revision());
  }

  private void churn(AtomicBoolean stop) {
    for (int i = 0; !stop.get() || i < 20; i++) {
      String key = String.format("/p/%03d", i % 60);
      KeyValue current = store().get(key).kv().orElse(null);
      if (current != null && i % 3 == 0) {
        store().delete(key, current.modRevision());
      } else if (current != null) {
        store().update(key, current.modRevision(), bytes("v" + i));
      } else {
        store().create(key, bytes("v" + i));
      }
      store().create(String.format("/p/%03d-new-%d", i % 60, i), bytes("new"));
    }
  }

  @Test
  default void list_unicodeKeys_orderedByCodePointAndPagedWithoutGaps() {
    List<String> inOrder =
        List.of(
            "/u/a",
            "/u/z",
            "/u/\u00e9",
            "/u/\uD7FF",
            "/u/\uE000",
            "/u/\uFFFD",
            "/u/\uD83D\uDE00",
            "/u/\uDBFF\uDFFF");
    for (String key : inOrder.reversed()) {
      created(key, key);
    }
    created("/v/a", "outside");

    List<String> paged = new ArrayList<>();
    ListResult.Page page = page(store().list("/u/", ListOptions.latest().withLimit(3)));
    paged.addAll(keys(page));
    while (page.more()) {
      page =
          page(
              store()
                  .list(
                      "/u/",
                      ListOptions.atRevision(page.revision()).withLimit(3).after(page.lastKey())));
      paged.addAll(keys(page));
    }

    assertThat(paged).containsExactlyElementsOf(inOrder);
    assertThat(keys(page(store().list("/u/\uD83D\uDE00", ListOptions.latest()))))
        .containsExactly("/u/\uD83D\uDE00");
    assertThat(keys(page(store().list("/u/\uDBFF\uDFFF", ListOptions.latest()))))
        .containsExactly("/u/\uDBFF\uDFFF");
    assertThat(keys(page(store().list("/u/\uD7FF", ListOptions.latest()))))
        .containsExactly("/u/\uD7FF");
  }
}
