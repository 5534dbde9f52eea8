package io.gatehouse.admission.podsecurity;

import io.gatehouse.api.codec.ManifestDecoder;
import io.gatehouse.api.codec.ManifestError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code PodSecurity} plugin configuration as kube-apiserver's {@code
 * --admission-control-config-file} does: an {@code AdmissionConfiguration} ({@code
 * apiserver.config.k8s.io/v1} or {@code v1alpha1}, or {@code apiserver.k8s.io/v1alpha1}) whose
 * {@code PodSecurity} plugin entry embeds the configuration or names a file ({@code path}, relative
 * to the admission configuration file), or a {@code PodSecurityConfiguration} file itself. No
 * {@code PodSecurity} entry, or an empty file, gives {@link PodSecurityConfiguration#DEFAULT}. The
 * configuration is decoded strictly (unknown fields are errors), defaulted, then checked as the
 * plugin's initialization checks it.
 *
 * <p>Stateless; thread-safe.
 */
public final class PodSecurityConfigurationLoader {

  static final String GROUP = "pod-security.admission.config.k8s.io";
  private static final Set<String> VERSIONS = Set.of("v1", "v1beta1", "v1alpha1");
  private static final Set<String> ADMISSION_API_VERSIONS =
      Set.of(
          "apiserver.config.k8s.io/v1",
          "apiserver.config.k8s.io/v1alpha1",
          "apiserver.k8s.io/v1alpha1");

  private PodSecurityConfigurationLoader() {}

  /** The outcome of loading. */
  public sealed interface Result {}

  /**
   * A usable configuration.
   *
   * @param configuration the defaulted configuration
   */
  public record Loaded(PodSecurityConfiguration configuration) implements Result {}

  /**
   * Why no configuration could be loaded.
   *
   * @param errors every problem, each a full sentence naming its source
   */
  public record Failed(List<String> errors) implements Result {
    /** Copies the errors. */
    public Failed {
      errors = List.copyOf(errors);
    }
  }

  /** Loads from the admission configuration (or PodSecurityConfiguration) file {@code file}. */
  public static Result load(Path file) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Failed(List.of("open " + file + ": no such file or directory"));
    } catch (IOException e) {
      return new Failed(List.of("read " + file + ": " + e.getMessage()));
    }
    return load(file.toString(), data, file.toAbsolutePath().getParent());
  }

  /**
   * Loads from the bytes of an admission configuration (or PodSecurityConfiguration) file.
   *
   * @param source the file name, for messages
   * @param data the file contents
   * @param baseDir the directory relative plugin {@code path}s resolve against
   */
  public static Result load(String source, byte[] data, @Nullable Path baseDir) {
    ManifestDecoder.Result decoded = ManifestDecoder.decode(source, data);
    if (!decoded.errors().isEmpty()) {
      return new Failed(decoded.errors().stream().map(ManifestError::toString).toList());
    }
    if (decoded.manifests().isEmpty()) {
      return new Loaded(PodSecurityConfiguration.DEFAULT);
    }
    if (decoded.manifests().size() > 1) {
      return new Failed(
          List.of(source + ": expected one object, found " + decoded.manifests().size()));
    }
    Map<String, @Nullable Object> object = decoded.manifests().get(0).object().object();
    if (!"AdmissionConfiguration".equals(object.get("kind"))
        || !ADMISSION_API_VERSIONS.contains(String.valueOf(object.get("apiVersion")))) {
      // not an AdmissionConfiguration: kube-apiserver hands the whole file to every plugin
      return decode(source, object);
    }
    for (Object plugin : object.get("plugins") instanceof List<?> l ? l : List.of()) {
      if (!(plugin instanceof Map<?, ?> p) || !PodSecurityKeys.PLUGIN.equals(p.get("name"))) {
        continue;
      }
      if (p.get("configuration") instanceof Map<?, ?> embedded) {
        return decode(source + ": plugins[PodSecurity].configuration", embedded);
      }
      if (p.get("path") instanceof String path && !path.isEmpty()) {
        Path target = Path.of(path);
        if (!target.isAbsolute() && baseDir != null) {
          target = baseDir.resolve(target);
        }
        return loadPodSecurityConfiguration(target);
      }
      return new Loaded(PodSecurityConfiguration.DEFAULT);
    }
    return new Loaded(PodSecurityConfiguration.DEFAULT);
  }

  private static Result loadPodSecurityConfiguration(Path file) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Failed(List.of("open " + file + ": no such file or directory"));
    } catch (IOException e) {
      return new Failed(List.of("read " + file + ": " + e.getMessage()));
    }
    ManifestDecoder.Result decoded = ManifestDecoder.decode(file.toString(), data);
    if (!decoded.errors().isEmpty()) {
      return new Failed(decoded.errors().stream().map(ManifestError::toString).toList());
    }
    if (decoded.manifests().isEmpty()) {
      return new Loaded(PodSecurityConfiguration.DEFAULT);
    }
    return decode(file.toString(), decoded.manifests().get(0).object().object());
  }

  /** Decodes one PodSecurityConfiguration object strictly, then checks it. */
  static Result decode(String source, Map<?, ?> object) {
    List<String> errors = new ArrayList<>();
    Object apiVersion = object.get("apiVersion");
    Object kind = object.get("kind");
    if (!(apiVersion instanceof String av) || av.isEmpty()) {
      return new Failed(List.of(source + ": Object 'apiVersion' is missing"));
    }
    if (!(kind instanceof String k) || k.isEmpty()) {
      return new Failed(List.of(source + ": Object 'Kind' is missing"));
    }
    int slash = av.indexOf('/');
    String group = slash < 0 ? "" : av.substring(0, slash);
    String version = slash < 0 ? av : av.substring(slash + 1);
    if (!group.equals(GROUP)
        || !VERSIONS.contains(version)
        || !k.equals("PodSecurityConfiguration")) {
      return new Failed(
          List.of(
              source
                  + ": no kind "
                  + GoText.quote(k)
                  + " is registered for version "
                  + GoText.quote(av)
                  + " in scheme"
                  + " \"k8s.io/pod-security-admission/admission/api/scheme/scheme.go:28\""));
    }
    StrictDecoder d = new StrictDecoder();
    d.allow(object, "", Set.of("apiVersion", "kind", "defaults", "exemptions"));
    Map<?, ?> defaults = d.object(object, "defaults", "PodSecurityConfiguration.defaults");
    d.allow(
        defaults,
        "defaults.",
        Set.of("enforce", "enforce-version", "audit", "audit-version", "warn", "warn-version"));
    Map<?, ?> exemptions = d.object(object, "exemptions", "PodSecurityConfiguration.exemptions");
    d.allow(exemptions, "exemptions.", Set.of("usernames", "namespaces", "runtimeClasses"));
    PodSecurityConfiguration config =
        new PodSecurityConfiguration(
            new PodSecurityConfiguration.Defaults(
                d.string(defaults, "enforce", "PodSecurityDefaults.defaults.enforce"),
                d.string(
                    defaults, "enforce-version", "PodSecurityDefaults.defaults.enforce-version"),
                d.string(defaults, "audit", "PodSecurityDefaults.defaults.audit"),
                d.string(defaults, "audit-version", "PodSecurityDefaults.defaults.audit-version"),
                d.string(defaults, "warn", "PodSecurityDefaults.defaults.warn"),
                d.string(defaults, "warn-version", "PodSecurityDefaults.defaults.warn-version")),
            new PodSecurityConfiguration.Exemptions(
                d.strings(exemptions, "usernames", "PodSecurityExemptions.exemptions.usernames"),
                d.strings(exemptions, "namespaces", "PodSecurityExemptions.exemptions.namespaces"),
                d.strings(
                    exemptions,
                    "runtimeClasses",
                    "PodSecurityExemptions.exemptions.runtimeClasses")));
    if (d.typeError != null) {
      return new Failed(List.of(source + ": " + d.typeError));
    }
    if (!d.unknown.isEmpty()) {
      errors.add(source + ": strict decoding error: " + String.join(", ", d.unknown));
      return new Failed(errors);
    }
    return config
        .initializationError()
        .<Result>map(e -> new Failed(List.of(source + ": " + e)))
        .orElseGet(() -> new Loaded(config));
  }
}
