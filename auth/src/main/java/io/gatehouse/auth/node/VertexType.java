package io.gatehouse.auth.node;

/** The kinds of object in the node graph, with upstream's names ({@code vertexTypes}). */
enum VertexType {
  CONFIGMAP("configmap"),
  NODE("node"),
  POD("pod"),
  PV("pv"),
  PVC("pvc"),
  RESOURCECLAIM("resourceclaim"),
  SECRET("secret"),
  VOLUMEATTACHMENT("volumeattachment"),
  SERVICEACCOUNT("serviceAccount"),
  RESOURCESLICE("resourceslice");

  private final String text;

  VertexType(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }
}
