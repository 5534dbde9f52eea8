package io.gatehouse.server.crd;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GoSyntax;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code %#v} of the internal {@code []apiextensions.CustomResourceDefinitionVersion}, the bad
 * value of the {@code spec.versions} errors in Kubernetes 1.33 (the internal types have no String
 * method). Pointer fields print as a type and an address, never the pointee; the address is {@link
 * GoSyntax#ADDRESS}. An empty list prints as the nil slice. Stateless.
 */
final class VersionsGoSyntax {

  private static final String PKG = "apiextensions.";

  private VersionsGoSyntax() {}

  static String of(List<CrdDefinition.Version> versions) {
    return GoSyntax.slice("[]" + PKG + "CustomResourceDefinitionVersion", versions.isEmpty()
        ? null : versions.stream().map(VersionsGoSyntax::version).toList());
  }

  private static String version(CrdDefinition.Version v) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Name", GoQuote.quote(v.name()));
    f.put("Served", Boolean.toString(v.served()));
    f.put("Storage", Boolean.toString(v.storage()));
    f.put("Deprecated", Boolean.toString(v.deprecated()));
    f.put("DeprecationWarning", GoSyntax.pointer("string", v.deprecationWarning() != null));
    f.put("Schema", GoSyntax.pointer(PKG + "CustomResourceValidation", v.schemaHolder() != null));
    f.put("Subresources", GoSyntax.pointer(PKG + "CustomResourceSubresources",
        v.subresources() != null));
    f.put("AdditionalPrinterColumns", GoSyntax.slice("[]" + PKG
        + "CustomResourceColumnDefinition", v.columns().isEmpty() ? null
        : v.columns().stream().map(VersionsGoSyntax::column).toList()));
    f.put("SelectableFields", GoSyntax.slice("[]" + PKG + "SelectableField",
        v.selectableFields().isEmpty() ? null : v.selectableFields().stream()
            .map(p -> GoSyntax.struct(PKG + "SelectableField", Map.of("JSONPath",
                GoQuote.quote(p)))).toList()));
    return GoSyntax.struct(PKG + "CustomResourceDefinitionVersion", f);
  }

  private static String column(CrdDefinition.Column c) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Name", GoQuote.quote(c.name()));
    f.put("Type", GoQuote.quote(c.type()));
    f.put("Format", GoQuote.quote(c.format()));
    f.put("Description", GoQuote.quote(c.description()));
    f.put("Priority", Long.toString(c.priority()));
    f.put("JSONPath", GoQuote.quote(c.jsonPath()));
    return GoSyntax.struct(PKG + "CustomResourceColumnDefinition", f);
  }
}
