package io.gatehouse.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad values whose Go type is not {@code interface{}}: 1.33 prints them with {@code %#v} of that
 * type (pointer fields as an address, see {@code GoSyntax.ADDRESS}).
 */
class TypedBadValueTest {

  @Test
  void ruleGoSyntax_unsetAndSetPointers_printsValidationRuleStruct() {
    assertThat(RuleChecks.goSyntax(new ValidationRule("self.a > 0", "", "", null, "", null)))
        .isEqualTo("apiextensions.ValidationRule{Rule:\"self.a > 0\", Message:\"\","
            + " MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil),"
            + " FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}");
    assertThat(RuleChecks.goSyntax(new ValidationRule("x", "m", "'e'", "FieldValueInvalid",
        ".a", false))).isEqualTo("apiextensions.ValidationRule{Rule:\"x\", Message:\"m\","
            + " MessageExpression:\"'e'\","
            + " Reason:(*apiextensions.FieldValueErrorReason)(0xc000000000), FieldPath:\".a\","
            + " OptionalOldSelf:(*bool)(0xc000000000)}");
  }

  @Test
  void references_twoControllers_printsOwnerReferenceSlice() {
    Map<String, Object> a = Map.of("apiVersion", "v1", "kind", "A", "name", "a", "uid", "1",
        "controller", true);
    Map<String, Object> b = Map.of("apiVersion", "apps/v1", "kind", "B", "name", "b", "uid", "2",
        "controller", true, "blockOwnerDeletion", false);
    List<String> errs = ObjectMetaValidation.references(Map.of("ownerReferences", List.of(a, b)),
        "metadata").stream().map(FieldError::message).toList();
    assertThat(errs).containsExactly("metadata.ownerReferences: Invalid value:"
        + " []v1.OwnerReference{v1.OwnerReference{APIVersion:\"v1\", Kind:\"A\", Name:\"a\","
        + " UID:\"1\", Controller:(*bool)(0xc000000000), BlockOwnerDeletion:(*bool)(nil)},"
        + " v1.OwnerReference{APIVersion:\"apps/v1\", Kind:\"B\", Name:\"b\", UID:\"2\","
        + " Controller:(*bool)(0xc000000000), BlockOwnerDeletion:(*bool)(0xc000000000)}}: Only one"
        + " reference can have Controller set to true. Found \"true\" in references for A/a and"
        + " B/b");
  }

  @Test
  void references_orphanAndForeground_printsStringSlice() {
    List<String> errs = ObjectMetaValidation.references(Map.of("finalizers",
        List.of("orphan", "foregroundDeletion")), "metadata").stream()
        .map(FieldError::message).toList();
    assertThat(errs).containsExactly("metadata.finalizers: Invalid value: []string{\"orphan\","
        + " \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set");
  }

  @Test
  void check_duplicateListMapKeys_printsStringSlice() {
    JsonSchema s = Yaml.schema("{type: array, x-kubernetes-list-type: map,"
        + " x-kubernetes-list-map-keys: [k, k], items: {type: object, required: [k],"
        + " properties: {k: {type: string}}}}");
    List<FieldError> errs = new ArrayList<>();
    ListTypeRules.check(s, "spec.versions[0].schema.openAPIV3Schema", errs);
    assertThat(errs.stream().map(FieldError::message).toList()).containsExactly(
        "spec.versions[0].schema.openAPIV3Schema.x-kubernetes-list-map-keys: Invalid value:"
            + " []string{\"k\", \"k\"}: must not contain duplicate entries");
  }
}
