package io.gatehouse.api.catalog;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import java.util.List;
import java.util.TreeSet;

/**
 * A kind that the catalog does not serve. The message is upstream's {@code meta.NoKindMatchError}
 * text, which kubectl and kube-apiserver print: {@code no matches for kind "Foo" in version
 * "example.com/v1"}.
 *
 * <p>Immutable; thread-safe.
 */
public final class NoKindMatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String group;
  private final String kind;
  private final List<String> searchedVersions;

  /**
   * Creates the error for {@code kind} in {@code group}, searched in {@code searchedVersions}
   * (empty: in no particular version).
   */
  public NoKindMatchException(String group, String kind, List<String> searchedVersions) {
    super(message(group, kind, searchedVersions), null, false, false);
    this.group = group;
    this.kind = kind;
    this.searchedVersions = List.copyOf(searchedVersions);
  }

  /** Creates the error for {@code gvk}, searched in its version only. */
  public NoKindMatchException(GroupVersionKind gvk) {
    this(gvk.group(), gvk.kind(), List.of(gvk.version()));
  }

  /**
   * Returns upstream's text: {@code no matches for kind "K" in group "G"} without versions, {@code
   * no matches for kind "K" in version "G/V"} with one, {@code no matches for kind "K" in versions
   * ["G/V1" "G/V2"]} (sorted, distinct) with more.
   */
  public static String message(String group, String kind, List<String> searchedVersions) {
    TreeSet<String> versions = new TreeSet<>();
    for (String v : searchedVersions) {
      versions.add(new GroupVersion(group, v).toString());
    }
    String prefix = "no matches for kind " + GoQuote.quote(kind);
    return switch (versions.size()) {
      case 0 -> prefix + " in group " + GoQuote.quote(group);
      case 1 -> prefix + " in version " + GoQuote.quote(versions.first());
      default -> prefix + " in versions " + GoQuote.quote(List.copyOf(versions));
    };
  }

  /** Returns the group searched. */
  public String group() {
    return group;
  }

  /** Returns the kind searched. */
  public String kind() {
    return kind;
  }

  /** Returns the versions the search was restricted to; empty if none. */
  public List<String> searchedVersions() {
    return searchedVersions;
  }
}
