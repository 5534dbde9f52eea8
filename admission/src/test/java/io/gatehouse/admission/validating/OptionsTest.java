package io.gatehouse.admission.validating;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.KubernetesVersion;
import org.junit.jupiter.api.Test;

/** {@link ValidatingAdmissionPolicyPlugin.Options}: strict cost follows StrictCostEnforcementForVAP. */
class OptionsTest {

  @Test
  void effectiveStrictCost_gateDefaultsAndOverride() {
    assertThat(new ValidatingAdmissionPolicyPlugin.Options(KubernetesVersion.of(1, 30), null)
        .effectiveStrictCost()).isFalse();
    assertThat(new ValidatingAdmissionPolicyPlugin.Options(KubernetesVersion.of(1, 32), null)
        .effectiveStrictCost()).isTrue();
    assertThat(new ValidatingAdmissionPolicyPlugin.Options(KubernetesVersion.of(1, 30), true)
        .effectiveStrictCost()).isTrue();
    assertThat(ValidatingAdmissionPolicyPlugin.Options.DEFAULT.serverVersion())
        .isEqualTo(KubernetesVersion.DEFAULT);
  }

  @Test
  void validate_reviewResourcesBefore130_areIntercepted() {
    String yaml = Fixtures.policy("p", "validations:\n- expression: 'false'")
        .replace("[apps]", "[authorization.k8s.io]").replace("[deployments]", "[subjectaccessreviews]")
        .replace("[CREATE, UPDATE]", "[CREATE]");
    var options = new ValidatingAdmissionPolicyPlugin.Options(KubernetesVersion.of(1, 29), null);
    var plugin = ValidatingAdmissionPolicyPlugin.create(io.gatehouse.admission.Manifests.of(
        yaml + "\n---\n" + Fixtures.binding("b", "p", "Deny", "")), options);
    var review = new io.gatehouse.admission.AdmissionAttributes(null, null,
        Fixtures.gvk("authorization.k8s.io", "v1", "SubjectAccessReview"),
        new io.gatehouse.api.GroupVersionResource("authorization.k8s.io", "v1", "subjectaccessreviews"),
        "", "", "", io.gatehouse.admission.Operation.CREATE, null, false,
        io.gatehouse.api.authz.UserInfo.of("u"));
    assertThat(Fixtures.run(plugin, review).allowed()).isFalse();
  }
}
