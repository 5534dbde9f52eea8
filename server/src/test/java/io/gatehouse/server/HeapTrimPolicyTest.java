package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HeapTrimPolicyTest {

  private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
  private static final long MIB = 1L << 20;
  private static final MemorySample BLOATED = new MemorySample(400 * MIB, 60 * MIB, -1);
  private static final MemorySample TIGHT = new MemorySample(100 * MIB, 60 * MIB, -1);

  /** One check: seconds since start, total requests so far, the heap seen. */
  private record Check(long second, long requests, MemorySample heap) {}

  private record Case(String name, List<Check> checks, List<Boolean> trims) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case quietFor(String name, MemorySample heap, long from, long to, long requests,
      Boolean... trims) {
    List<Check> checks = new ArrayList<>();
    for (long s = from; s <= to; s += 5) {
      checks.add(new Check(s, requests, heap));
    }
    return new Case(name, checks, List.of(trims));
  }

  private static Stream<Case> cases() {
    return Stream.of(
        quietFor("idle and bloated after start-up: one trim once idleAfter has passed", BLOATED,
            5, 30, 0, false, false, false, true, false, false),
        quietFor("idle but the heap is tight: no trim", TIGHT, 5, 30, 0,
            false, false, false, false, false, false),
        new Case("busy on every check: never a trim, however bloated", List.of(
            new Check(20, 1_000, BLOATED), new Check(25, 2_000, BLOATED),
            new Check(30, 3_000, BLOATED), new Check(35, 4_000, BLOATED),
            new Check(40, 5_000, BLOATED)), List.of(false, false, false, false, false)),
        new Case("load ends: trim only idleAfter after the last busy check", List.of(
            new Check(30, 5_000, BLOATED), new Check(35, 5_000, BLOATED),
            new Check(40, 5_000, BLOATED), new Check(45, 5_000, BLOATED),
            new Check(50, 5_000, BLOATED), new Check(55, 5_000, BLOATED)),
            List.of(false, false, false, false, true, false)),
        new Case("probes at or below quietRequests per check keep the server idle", List.of(
            new Check(5, 5, BLOATED), new Check(10, 10, BLOATED), new Check(15, 15, BLOATED),
            new Check(20, 20, BLOATED), new Check(25, 25, BLOATED)),
            List.of(false, false, false, true, false)),
        new Case("one request above quietRequests is load and postpones the trim", List.of(
            new Check(5, 0, BLOATED), new Check(10, 0, BLOATED), new Check(15, 6, BLOATED),
            new Check(20, 6, BLOATED), new Check(25, 6, BLOATED), new Check(30, 6, BLOATED),
            new Check(35, 6, BLOATED)),
            List.of(false, false, false, false, false, false, true)),
        new Case("not twice without new load, even if still bloated", List.of(
            new Check(20, 0, BLOATED), new Check(25, 3, BLOATED), new Check(60, 3, BLOATED),
            new Check(600, 3, BLOATED)), List.of(true, false, false, false)),
        new Case("new load after a trim re-arms it", List.of(
            new Check(20, 0, BLOATED), new Check(25, 100, BLOATED), new Check(40, 100, BLOATED),
            new Check(45, 100, BLOATED), new Check(50, 100, BLOATED)),
            List.of(true, false, false, true, false)),
        new Case("bloat that appears while idle is trimmed once it appears", List.of(
            new Check(20, 0, TIGHT), new Check(25, 0, TIGHT), new Check(30, 0, BLOATED),
            new Check(35, 0, BLOATED)), List.of(false, false, true, false)),
        new Case("tight heap but the resident set grew by minExcess: trim", List.of(
            new Check(5, 0, resident(170)), new Check(10, 500, resident(260)),
            new Check(30, 500, resident(234))), List.of(false, false, true)),
        new Case("tight heap, resident set grew by less than minExcess: no trim", List.of(
            new Check(5, 0, resident(170)), new Check(10, 500, resident(260)),
            new Check(30, 500, resident(233))), List.of(false, false, false)),
        new Case("resident growth counts from the smallest sample, not the first", List.of(
            new Check(5, 0, resident(200)), new Check(10, 0, resident(150)),
            new Check(15, 500, resident(300)), new Check(35, 500, resident(214))),
            List.of(false, false, false, true)));
  }

  /** A tight heap in a process of {@code mib} MiB resident. */
  private static MemorySample resident(long mib) {
    return new MemorySample(100 * MIB, 60 * MIB, mib * MIB);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldTrim_checkSequence_trimsAsContracted(Case c) {
    HeapTrimPolicy policy = new HeapTrimPolicy(Duration.ofSeconds(20), 5, 64 * MIB, START, 0);

    List<Boolean> trims = c.checks().stream()
        .map(k -> policy.shouldTrim(START.plusSeconds(k.second()), k.requests(), k.heap()))
        .toList();

    assertThat(trims).isEqualTo(c.trims());
  }
}
