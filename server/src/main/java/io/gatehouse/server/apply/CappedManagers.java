package io.gatehouse.server.apply;

import io.gatehouse.api.GoQuote;
import io.gatehouse.server.apply.ManagedFields.Identity;
import io.gatehouse.server.apply.ManagedFields.Managed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code capManagersManager}: after an update, when more than {@value
 * #MAX_UPDATE_MANAGERS} update managers own fields, the oldest are merged, per API version, into
 * an {@code ancient-changes} entry carrying the time of the newest update merged into it.
 * Stateless.
 */
final class CappedManagers {

  static final int MAX_UPDATE_MANAGERS = 10;
  static final String BUCKET = "ancient-changes";

  private CappedManagers() {}

  /** Returns {@code managed} with the update managers capped (the maps are modified). */
  static Managed cap(Managed managed) {
    return cap(managed, MAX_UPDATE_MANAGERS);
  }

  /** Returns {@code managed} with at most {@code max} update managers (the maps are modified). */
  static Managed cap(Managed managed, int max) {
    Map<String, VersionedSet> fields = managed.fields();
    Map<String, Instant> times = managed.times();
    List<String> updaters = new ArrayList<>();
    fields.forEach((m, vs) -> {
      if (!vs.applied()) {
        updaters.add(m);
      }
    });
    if (updaters.size() <= max) {
      return managed;
    }
    updaters.sort(Comparator.<String>comparingLong(m -> seconds(times.get(m)))
        .thenComparing(GoQuote::compare));
    Map<String, String> firstOfVersion = new HashMap<>();
    int length = updaters.size();
    for (int i = 0; i < updaters.size() && length > max; i++) {
      String manager = updaters.get(i);
      VersionedSet vs = fields.get(manager);
      Instant time = times.get(manager);
      String version = vs.apiVersion();
      String bucket = new Identity(BUCKET, ManagedFields.UPDATE, version, "").id();
      String first = firstOfVersion.get(version);
      if (first == null) {
        firstOfVersion.put(version, manager);
        continue;
      }
      if (!fields.containsKey(bucket)) {
        fields.put(bucket, fields.remove(first));
      }
      fields.put(bucket, new VersionedSet(vs.set().union(fields.get(bucket).set()),
          vs.apiVersion(), vs.applied()));
      fields.remove(manager);
      length--;
      if (time == null) {
        times.remove(bucket);
      } else {
        times.put(bucket, time);
      }
    }
    return managed;
  }

  private static long seconds(@org.jspecify.annotations.Nullable Instant t) {
    return t == null ? 0 : t.getEpochSecond();
  }
}
