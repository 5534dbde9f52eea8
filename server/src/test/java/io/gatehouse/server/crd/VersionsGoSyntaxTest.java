package io.gatehouse.server.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code %#v} of the internal {@code []apiextensions.CustomResourceDefinitionVersion}. */
class VersionsGoSyntaxTest {

  @Test
  void of_versionWithEveryField_printsPointersAsAddressesAndSlicesInFull() {
    CrdDefinition.Version v = new CrdDefinition.Version("v1beta1", true, false, true, "old",
        Map.of("openAPIV3Schema", Map.of("type", "object")), null,
        new CrdDefinition.Subresources(Map.of("status", Map.of()), true, null),
        List.of(new CrdDefinition.Column("Age", "date", "", "d", 1, ".metadata.x")),
        List.of(".spec.a"));
    assertThat(VersionsGoSyntax.of(List.of(v))).isEqualTo(
        "[]apiextensions.CustomResourceDefinitionVersion{apiextensions."
            + "CustomResourceDefinitionVersion{Name:\"v1beta1\", Served:true, Storage:false,"
            + " Deprecated:true, DeprecationWarning:(*string)(0xc000000000),"
            + " Schema:(*apiextensions.CustomResourceValidation)(0xc000000000),"
            + " Subresources:(*apiextensions.CustomResourceSubresources)(0xc000000000),"
            + " AdditionalPrinterColumns:[]apiextensions.CustomResourceColumnDefinition{"
            + "apiextensions.CustomResourceColumnDefinition{Name:\"Age\", Type:\"date\","
            + " Format:\"\", Description:\"d\", Priority:1, JSONPath:\".metadata.x\"}},"
            + " SelectableFields:[]apiextensions.SelectableField{apiextensions.SelectableField{"
            + "JSONPath:\".spec.a\"}}}}");
  }

  @Test
  void of_noVersions_printsNilSlice() {
    assertThat(VersionsGoSyntax.of(List.of()))
        .isEqualTo("[]apiextensions.CustomResourceDefinitionVersion(nil)");
  }
}
