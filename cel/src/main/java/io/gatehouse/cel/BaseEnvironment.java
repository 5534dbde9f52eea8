package io.gatehouse.cel;

import io.gatehouse.cel.library.AuthzLibrary;
import io.gatehouse.cel.library.AuthzSelectorsLibrary;
import io.gatehouse.cel.library.CidrLibrary;
import io.gatehouse.cel.library.FormatLibrary;
import io.gatehouse.cel.library.IpLibrary;
import io.gatehouse.cel.library.ListsLibrary;
import io.gatehouse.cel.library.QuantityLibrary;
import io.gatehouse.cel.library.RegexLibrary;
import io.gatehouse.cel.library.SemverLibrary;
import io.gatehouse.cel.library.SetsLibrary;
import io.gatehouse.cel.library.StringsLibrary;
import io.gatehouse.cel.library.TwoVarComprehensionsLibrary;
import io.gatehouse.cel.library.UrlsLibrary;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The version table of the Kubernetes CEL base environment: which language options and libraries
 * exist from which compatibility version (and until which), as upstream's
 * {@code environment/base.go} lists them.
 *
 * <p>Immutable; thread-safe.
 */
public final class BaseEnvironment {

  /**
   * One row of the table.
   *
   * @param name a label for diagnostics
   * @param introduced the first compatibility version that has the row
   * @param removed the first compatibility version that no longer has it, or null
   * @param gateOnFrom for rows behind a feature gate, the first server version on which the gate is
   *     on by default; null for ungated rows
   * @param option the language option, or null for a library row
   * @param library the library, or null for an option row
   */
  public record Entry(
      String name,
      KubernetesVersion introduced,
      @Nullable KubernetesVersion removed,
      @Nullable KubernetesVersion gateOnFrom,
      @Nullable LanguageOption option,
      @Nullable KubernetesLibrary library) {

    /** Returns whether this row is part of an environment of {@code compatibility} on {@code server}. */
    public boolean appliesTo(KubernetesVersion compatibility, KubernetesVersion server) {
      return compatibility.atLeast(introduced)
          && (removed == null || !compatibility.atLeast(removed))
          && (gateOnFrom == null || server.atLeast(gateOnFrom));
    }
  }

  private static final KubernetesVersion V1_0 = KubernetesVersion.of(1, 0);

  private static final List<Entry> ENTRIES =
      List.of(
          option(V1_0, LanguageOption.HOMOGENEOUS_AGGREGATE_LITERALS),
          library(V1_0, null, UrlsLibrary.INSTANCE),
          library(V1_0, null, RegexLibrary.INSTANCE),
          library(V1_0, null, ListsLibrary.INSTANCE),
          library(KubernetesVersion.of(1, 27), null, AuthzLibrary.INSTANCE),
          option(KubernetesVersion.of(1, 28), LanguageOption.CROSS_TYPE_NUMERIC_COMPARISONS),
          option(KubernetesVersion.of(1, 28), LanguageOption.OPTIONAL_TYPES),
          library(KubernetesVersion.of(1, 28), null, QuantityLibrary.INSTANCE),
          option(KubernetesVersion.of(1, 29), LanguageOption.LITERAL_VALIDATORS),
          library(V1_0, KubernetesVersion.of(1, 29), StringsLibrary.version(0)),
          library(KubernetesVersion.of(1, 29), null, StringsLibrary.version(2)),
          library(KubernetesVersion.of(1, 29), null, SetsLibrary.INSTANCE),
          library(KubernetesVersion.of(1, 30), null, IpLibrary.INSTANCE),
          library(KubernetesVersion.of(1, 30), null, CidrLibrary.INSTANCE),
          library(KubernetesVersion.of(1, 31), null, FormatLibrary.INSTANCE),
          new Entry(
              AuthzSelectorsLibrary.INSTANCE.name(),
              KubernetesVersion.of(1, 31),
              null,
              KubernetesVersion.of(1, 32),
              null,
              AuthzSelectorsLibrary.INSTANCE),
          library(KubernetesVersion.of(1, 32), null, TwoVarComprehensionsLibrary.INSTANCE),
          library(KubernetesVersion.of(1, 33), null, SemverLibrary.INSTANCE));

  private BaseEnvironment() {}

  /** Returns every row, in upstream's order. */
  public static List<Entry> entries() {
    return ENTRIES;
  }

  /**
   * Returns the libraries of an environment of {@code compatibility} on {@code server}, each as the
   * server's cel-go release implements it ({@link KubernetesLibrary#forServer}).
   */
  public static List<KubernetesLibrary> libraries(
      KubernetesVersion compatibility, KubernetesVersion server) {
    List<KubernetesLibrary> result = new ArrayList<>();
    for (Entry e : ENTRIES) {
      if (e.library() != null && e.appliesTo(compatibility, server)) {
        result.add(e.library().forServer(server));
      }
    }
    return List.copyOf(result);
  }

  /** Returns the language options of an environment of {@code compatibility} on {@code server}. */
  public static Set<LanguageOption> options(
      KubernetesVersion compatibility, KubernetesVersion server) {
    Set<LanguageOption> result = EnumSet.noneOf(LanguageOption.class);
    for (Entry e : ENTRIES) {
      if (e.option() != null && e.appliesTo(compatibility, server)) {
        result.add(e.option());
      }
    }
    return result;
  }

  private static Entry option(KubernetesVersion introduced, LanguageOption option) {
    return new Entry(option.name(), introduced, null, null, option, null);
  }

  private static Entry library(
      KubernetesVersion introduced, @Nullable KubernetesVersion removed, KubernetesLibrary lib) {
    return new Entry(lib.name(), introduced, removed, null, null, lib);
  }
}
