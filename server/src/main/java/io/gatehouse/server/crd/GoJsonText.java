package io.gatehouse.server.crd;

import io.gatehouse.server.schema.GoText;
import java.util.List;

/**
 * Go's {@code json.Marshal} of apiextensions' internal types, which carry no JSON tags and are
 * therefore written with their Go field names, as bad values in error messages print them.
 * Stateless.
 */
final class GoJsonText {

  private GoJsonText() {}

  static String string(String s) {
    return GoText.json(s);
  }

  static String subresources(CrdDefinition.Subresources s) {
    String scale = "null";
    if (s.scale() != null) {
      CrdDefinition.Scale sc = s.scale();
      scale = "{\"SpecReplicasPath\":" + string(sc.specReplicasPath()) + ",\"StatusReplicasPath\":"
          + string(sc.statusReplicasPath()) + ",\"LabelSelectorPath\":"
          + (sc.labelSelectorPath() == null ? "null" : string(sc.labelSelectorPath())) + "}";
    }
    return "{\"Status\":" + (s.status() ? "{}" : "null") + ",\"Scale\":" + scale + "}";
  }

  static String columns(List<CrdDefinition.Column> columns) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < columns.size(); i++) {
      CrdDefinition.Column c = columns.get(i);
      b.append(i > 0 ? "," : "").append("{\"Name\":").append(string(c.name()))
          .append(",\"Type\":").append(string(c.type())).append(",\"Format\":")
          .append(string(c.format())).append(",\"Description\":").append(string(c.description()))
          .append(",\"Priority\":").append(c.priority()).append(",\"JSONPath\":")
          .append(string(c.jsonPath())).append('}');
    }
    return b.append(']').toString();
  }

  static String selectable(List<String> paths) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < paths.size(); i++) {
      b.append(i > 0 ? "," : "").append("{\"JSONPath\":").append(string(paths.get(i))).append('}');
    }
    return b.append(']').toString();
  }
}
