/**
 * Pod Security Admission, as upstream's {@code k8s.io/pod-security-admission}: the levels and
 * policy versions, every check of the Pod Security Standards with its per-version behaviour, the
 * namespace labels, the {@code PodSecurityConfiguration}, and the admission plugin that turns an
 * {@link io.gatehouse.admission.AdmissionAttributes} into an {@link
 * io.gatehouse.admission.AdmissionResult} with upstream's exact texts.
 *
 * <p>Entry points: {@link io.gatehouse.admission.podsecurity.Evaluator} (evaluate one pod or pod
 * template at a {@link io.gatehouse.admission.podsecurity.LevelVersion}, offline), {@link
 * io.gatehouse.admission.podsecurity.PodSecurityAdmission} (the {@code PodSecurity} admission
 * plugin) and {@link io.gatehouse.admission.podsecurity.PodSecurityConfigurationLoader} (read the
 * plugin configuration as kube-apiserver does).
 */
@NullMarked
package io.gatehouse.admission.podsecurity;

import org.jspecify.annotations.NullMarked;
