package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/**
 * The {@code kubernetes.Semver} library at the version Kubernetes 1.33 registers ({@code
 * SemverLib(SemverVersion(1))}): {@code semver(string)}, {@code isSemver(string)}, the normalizing
 * forms {@code semver(string, bool)} and {@code isSemver(string, bool)} that version 1 added, and
 * the members {@code major}, {@code minor}, {@code patch}, {@code compareTo}, {@code isGreaterThan}
 * and {@code isLessThan} on {@code kubernetes.Semver}. Equality compares versions ignoring build
 * metadata. Parse errors carry blang/semver's texts; see {@link SemanticVersion}.
 *
 * <p>Overload ids: {@code string_to_semver}, {@code string_bool_to_semver}, {@code
 * is_semver_string}, {@code is_semver_string_bool}, {@code semver_is_greater_than}, {@code
 * semver_is_less_than}, {@code semver_compare_to}, {@code semver_major}, {@code semver_minor},
 * {@code semver_patch}.
 *
 * <p>Immutable singleton; thread-safe.
 */
public final class SemverLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final SemverLibrary INSTANCE = new SemverLibrary();

  /** The CEL type {@code kubernetes.Semver}. */
  public static final OpaqueType SEMVER_TYPE = OpaqueType.create("kubernetes.Semver");

  private SemverLibrary() {}

  @Override
  public String name() {
    return "kubernetes.Semver";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {
    OpaqueType v = SEMVER_TYPE;
    checkerBuilder.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            "semver",
            CelOverloadDecl.newGlobalOverload("string_to_semver", v, SimpleType.STRING),
            CelOverloadDecl.newGlobalOverload(
                "string_bool_to_semver", v, SimpleType.STRING, SimpleType.BOOL)),
        CelFunctionDecl.newFunctionDeclaration(
            "isSemver",
            CelOverloadDecl.newGlobalOverload(
                "is_semver_string", SimpleType.BOOL, SimpleType.STRING),
            CelOverloadDecl.newGlobalOverload(
                "is_semver_string_bool", SimpleType.BOOL, SimpleType.STRING, SimpleType.BOOL)),
        CelFunctionDecl.newFunctionDeclaration(
            "isGreaterThan",
            CelOverloadDecl.newMemberOverload("semver_is_greater_than", SimpleType.BOOL, v, v)),
        CelFunctionDecl.newFunctionDeclaration(
            "isLessThan",
            CelOverloadDecl.newMemberOverload("semver_is_less_than", SimpleType.BOOL, v, v)),
        CelFunctionDecl.newFunctionDeclaration(
            "compareTo",
            CelOverloadDecl.newMemberOverload("semver_compare_to", SimpleType.INT, v, v)),
        CelFunctionDecl.newFunctionDeclaration(
            "major", CelOverloadDecl.newMemberOverload("semver_major", SimpleType.INT, v)),
        CelFunctionDecl.newFunctionDeclaration(
            "minor", CelOverloadDecl.newMemberOverload("semver_minor", SimpleType.INT, v)),
        CelFunctionDecl.newFunctionDeclaration(
            "patch", CelOverloadDecl.newMemberOverload("semver_patch", SimpleType.INT, v)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    runtimeBuilder.addFunctionBindings(
        CelFunctionBinding.from("string_to_semver", String.class, s -> parse(s, false)),
        CelFunctionBinding.from(
            "string_bool_to_semver", String.class, Boolean.class, SemverLibrary::parse),
        CelFunctionBinding.from("is_semver_string", String.class, s -> isSemver(s, false)),
        CelFunctionBinding.from(
            "is_semver_string_bool", String.class, Boolean.class, SemverLibrary::isSemver),
        CelFunctionBinding.from(
            "semver_is_greater_than",
            SemanticVersion.class,
            SemanticVersion.class,
            (a, b) -> a.compareTo(b) == 1),
        CelFunctionBinding.from(
            "semver_is_less_than",
            SemanticVersion.class,
            SemanticVersion.class,
            (a, b) -> a.compareTo(b) == -1),
        CelFunctionBinding.from(
            "semver_compare_to",
            SemanticVersion.class,
            SemanticVersion.class,
            (a, b) -> (long) a.compareTo(b)),
        CelFunctionBinding.from("semver_major", SemanticVersion.class, SemanticVersion::major),
        CelFunctionBinding.from("semver_minor", SemanticVersion.class, SemanticVersion::minor),
        CelFunctionBinding.from("semver_patch", SemanticVersion.class, SemanticVersion::patch));
  }

  private static SemanticVersion parse(String s, boolean normalize) {
    try {
      return normalize ? SemanticVersion.parseNormalized(s) : SemanticVersion.parse(s);
    } catch (IllegalArgumentException e) {
      throw new StandardFunctionException(e.getMessage());
    }
  }

  private static boolean isSemver(String s, boolean normalize) {
    try {
      parse(s, normalize);
      return true;
    } catch (StandardFunctionException e) {
      return false;
    }
  }
}
