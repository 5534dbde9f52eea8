package io.gatehouse.storage;

import java.util.Optional;

/**
 * The answer to {@link KeyValueStore#get}: the key's live version, if any, read at {@code
 * revision}.
 *
 * @param revision the store revision the read observed (&ge; the value's {@code modRevision})
 * @param kv the live version, empty if the key does not exist or was deleted
 */
public record GetResult(long revision, Optional<KeyValue> kv) {}
