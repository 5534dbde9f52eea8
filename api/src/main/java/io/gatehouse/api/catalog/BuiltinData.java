package io.gatehouse.api.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.codec.ManifestDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in resources, read from {@code builtin-1.33.yaml} with the project's codec and mapped
 * to records.
 *
 * @param groups the groups in discovery order, core first
 * @param storagePrefixes kube-apiserver's storage prefix of each built-in group/resource
 */
record BuiltinData(List<ApiGroup> groups, Map<GroupResource, String> storagePrefixes) {

  static final String RESOURCE = "builtin-1.33.yaml";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  BuiltinData {
    groups = List.copyOf(groups);
    storagePrefixes = Map.copyOf(storagePrefixes);
  }

  /**
   * Reads the data file from the class path.
   *
   * @throws IllegalStateException if it is missing or malformed (a packaging bug)
   */
  static BuiltinData load() {
    byte[] bytes;
    try (InputStream in = BuiltinData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource " + RESOURCE);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
    ManifestDecoder.Result decoded = ManifestDecoder.decode(RESOURCE, bytes);
    if (!decoded.errors().isEmpty() || decoded.manifests().size() != 1) {
      throw new IllegalStateException("malformed " + RESOURCE + ": " + decoded.errors());
    }
    Document doc;
    try {
      doc = MAPPER.convertValue(decoded.manifests().get(0).object().object(), Document.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("malformed " + RESOURCE + ": " + e.getMessage(), e);
    }
    return doc.toData();
  }

  /** The file: {@code apiVersion}, {@code kind}, {@code kubernetesVersion}, {@code groups}. */
  record Document(String apiVersion, String kind, String kubernetesVersion, List<GroupDoc> groups) {
    BuiltinData toData() {
      List<ApiGroup> out = new ArrayList<>();
      Map<GroupResource, String> prefixes = new LinkedHashMap<>();
      for (GroupDoc g : groups) {
        List<ApiGroupVersion> versions = new ArrayList<>();
        for (VersionDoc v : g.versions()) {
          GroupVersion gv = new GroupVersion(g.group(), v.version());
          List<ApiResource> resources = new ArrayList<>();
          for (ResourceDoc r : v.resources()) {
            resources.add(r.toResource(gv));
            if (r.storagePrefix() != null) {
              prefixes.put(new GroupResource(g.group(), r.name()), r.storagePrefix());
            }
          }
          versions.add(new ApiGroupVersion(gv, resources));
        }
        out.add(new ApiGroup(g.group(), versions));
      }
      return new BuiltinData(out, prefixes);
    }
  }

  /** One group and its versions, preferred first. */
  record GroupDoc(String group, List<VersionDoc> versions) {}

  /** One version and its resources. */
  record VersionDoc(String version, List<ResourceDoc> resources) {}

  /** One resource; absent lists are empty. */
  record ResourceDoc(
      String name,
      String singular,
      String kind,
      String scope,
      @Nullable String storagePrefix,
      List<String> verbs,
      @Nullable List<String> shortNames,
      @Nullable List<String> categories,
      @Nullable List<SubresourceDoc> subresources) {

    ApiResource toResource(GroupVersion gv) {
      List<Subresource> subs = new ArrayList<>();
      for (SubresourceDoc s : subresources == null ? List.<SubresourceDoc>of() : subresources) {
        GroupVersion subGv =
            s.group() == null ? gv : new GroupVersion(s.group(), versionOf(s));
        subs.add(new Subresource(s.name(), subGv.withKind(s.kind()), s.verbs()));
      }
      return new ApiResource(
          gv.withResource(name),
          singular,
          gv.withKind(kind),
          kind + "List",
          Scope.fromWire(scope),
          verbs,
          shortNames == null ? List.of() : shortNames,
          categories == null ? List.of() : categories,
          subs);
    }
  }

  /** One subresource; {@code group} and {@code version} only when they differ from its resource. */
  record SubresourceDoc(
      String name,
      @Nullable String group,
      @Nullable String version,
      String kind,
      List<String> verbs) {}

  private static String versionOf(SubresourceDoc s) {
    if (s.version() == null) {
      throw new IllegalStateException(
          "malformed " + RESOURCE + ": subresource " + s.name() + " has a group but no version");
    }
    return s.version();
  }
}
