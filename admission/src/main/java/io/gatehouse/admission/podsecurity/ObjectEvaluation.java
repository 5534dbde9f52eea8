package io.gatehouse.admission.podsecurity;

/**
 * The Pod Security evaluation of one object: a pod, or the pod template of a workload.
 *
 * @param pod whether the object is a pod (enforce applies) rather than a workload template
 *     (upstream only warns and audits those)
 * @param evaluation the result; its violations' field paths are paths in the object
 */
public record ObjectEvaluation(boolean pod, PolicyEvaluation evaluation) {}
