package io.gatehouse.storage;

import java.util.Arrays;

/**
 * One version of a key: its value and the revisions that created the key's current generation and
 * wrote this version (etcd's {@code create_revision} and {@code mod_revision}; the object's {@code
 * resourceVersion} is {@code modRevision}).
 *
 * <p>Immutable: the value is copied on construction and on every {@link #value()} call, so a {@code
 * KeyValue} can be shared between threads and watchers. {@link #toString()} shows the value's
 * length only, never its content.
 *
 * @param key the key, e.g. {@code /registry/pods/default/web}
 * @param value the stored bytes (a copy)
 * @param createRevision the revision that created this generation of the key (&gt; 0)
 * @param modRevision the revision that wrote this version (&ge; {@code createRevision})
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision) {

  /**
   * Copies {@code value}.
   *
   * @throws IllegalArgumentException if a revision is not positive or {@code modRevision <
   *     createRevision}
   */
  public KeyValue {
    if (createRevision <= 0 || modRevision < createRevision) {
      throw new IllegalArgumentException(
          "invalid revisions: create " + createRevision + ", mod " + modRevision);
    }
    value = value.clone();
  }

  /** Returns a copy of the value. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** Returns the value's length in bytes without copying it. */
  public int valueLength() {
    return value.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyValue that
        && key.equals(that.key)
        && createRevision == that.createRevision
        && modRevision == that.modRevision
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return (key.hashCode() * 31 + Long.hashCode(modRevision)) * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "KeyValue[key="
        + key
        + ", value=<"
        + value.length
        + " bytes>, createRevision="
        + createRevision
        + ", modRevision="
        + modRevision
        + "]";
  }
}
