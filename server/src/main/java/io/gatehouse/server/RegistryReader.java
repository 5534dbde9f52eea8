package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists with upstream's semantics over the store: label and field selectors applied after reading
 * (pages are refilled until {@code limit} matching objects are found), {@code limit}/{@code
 * continue} with etcd3-shaped tokens and {@code remainingItemCount} for unfiltered lists, and
 * {@code resourceVersion}/{@code resourceVersionMatch}: unset, {@code 0} and {@code NotOlderThan}
 * read the current state (a version ahead of the store is 504 "Too large resource version"),
 * {@code Exact} — and a version with a limit but no match, as upstream's legacy rule says — read
 * that revision (410 once compacted). Thread-safe.
 */
final class RegistryReader {

  static final String EXPIRED_LIST = "The resourceVersion for the provided list is too old.";
  static final String INCONSISTENT_CONTINUE = "The provided continue parameter is too old to "
      + "display a consistent list result. You can start a new list without the continue "
      + "parameter, or use the continue token in this response to retrieve the remainder of the "
      + "results. Continuing with the provided token results in an inconsistent list - objects "
      + "that were created, modified, or deleted between the time the first chunk was returned "
      + "and now may show up in the list.";

  private final KeyValueStore store;

  RegistryReader(KeyValueStore store) {
    this.store = store;
  }

  /**
   * One page of a list.
   *
   * @param items the objects, relabelled to the served version
   * @param revision the list's resourceVersion
   * @param continueToken the token for the next page, or empty
   * @param remaining how many objects follow (-1 if unknown, e.g. for filtered lists)
   */
  record Page(List<Unstructured> items, long revision, String continueToken, long remaining) {}

  Page list(StoredResource r, String namespace, ListQuery q) {
    String prefix = r.prefix(namespace);
    long revision = 0;
    String after = "";
    boolean fromContinue = !q.continueToken().isEmpty();
    if (fromContinue) {
      ContinueToken t = ContinueToken.decode(q.continueToken());
      revision = t.revision();
      after = prefix + t.lastKey();
    } else if (!q.resourceVersion().isEmpty() && !q.resourceVersion().equals("0")) {
      long rv = ListQuery.parseResourceVersion(q.resourceVersion());
      boolean exact = q.resourceVersionMatch().equals("Exact")
          || (q.resourceVersionMatch().isEmpty() && q.limit() > 0);
      if (exact) {
        revision = rv;
      } else {
        long current = store.currentRevision();
        if (rv > current) {
          throw ApiErrors.tooLargeResourceVersion(rv, current);
        }
      }
    }
    int pageSize = q.limit() <= 0 ? 0 : (int) Math.min(Math.max(q.limit(), 1), 10_000);
    List<Unstructured> items = new ArrayList<>();
    long listRevision = revision;
    while (true) {
      ListOptions options = new ListOptions(listRevision, pageSize, after);
      ListResult result = store.list(prefix, options);
      switch (result) {
        case ListResult.Compacted c -> {
          if (fromContinue) {
            throw inconsistent(r, namespace, after, prefix);
          }
          throw ApiErrors.expired(EXPIRED_LIST);
        }
        case ListResult.FutureRevision f ->
            throw ApiErrors.tooLargeResourceVersion(f.requestedRevision(), f.revision());
        case ListResult.Page page -> {
          listRevision = page.revision();
          for (KeyValue kv : page.items()) {
            Unstructured obj = Registry.served(r, ObjectBytes.read(kv));
            if (q.filter().matches(obj)) {
              items.add(obj);
            }
            after = kv.key();
            if (pageSize > 0 && items.size() >= pageSize) {
              break;
            }
          }
          boolean full = pageSize > 0 && items.size() >= pageSize;
          boolean more = page.more() || !after.equals(page.lastKey());
          if (!more) {
            return new Page(items, listRevision, "", 0);
          }
          if (full) {
            String token = new ContinueToken(listRevision, after.substring(prefix.length())).encode();
            long remaining = q.filter().isEverything() && after.equals(page.lastKey())
                ? page.remaining() : -1;
            return new Page(items, listRevision, token, remaining);
          }
        }
      }
    }
  }

  /** 410 with a token that continues at the current revision (the "inconsistent" continue). */
  private ExpiredContinue inconsistent(StoredResource r, String namespace, String after,
      String prefix) {
    long current = store.currentRevision();
    return new ExpiredContinue(new ContinueToken(current, after.substring(prefix.length())).encode());
  }

  /**
   * A continue token older than the compacted revision: 410 Expired whose Status carries a fresh
   * token in {@code metadata.continue}, which {@code Status} cannot hold, hence its own exception.
   */
  static final class ExpiredContinue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String token;

    ExpiredContinue(String token) {
      super(INCONSISTENT_CONTINUE, null, false, false);
      this.token = token;
    }

    /** The Status body. */
    java.util.Map<String, Object> body() {
      java.util.Map<String, Object> m = ApiErrors.expired(INCONSISTENT_CONTINUE).status().toMap();
      m.put("metadata", java.util.Map.of("continue", token));
      return m;
    }
  }
}
