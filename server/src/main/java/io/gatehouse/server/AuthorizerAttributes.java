package io.gatehouse.server;

import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.LabelSelectorRequirement;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.cel.library.SelectorParse;
import java.util.List;

/**
 * Builds authorizer attributes from the user and request info, as upstream's {@code
 * GetAuthorizerAttributes}: resource requests carry group, version, resource, subresource,
 * namespace and name, plus parsed field and label selectors (an unparsable selector leaves its
 * requirements empty and carries the parse error); non-resource requests carry the path. Stateless.
 */
final class AuthorizerAttributes {

  private AuthorizerAttributes() {}

  static RequestAttributes of(UserInfo user, RequestInfo info) {
    if (!info.resourceRequest()) {
      return RequestAttributes.nonResource(user, info.verb(), info.path());
    }
    RequestAttributes attributes = RequestAttributes.resource(user, info.verb(), info.namespace(),
        info.apiGroup(), info.apiVersion(), info.resource(), info.subresource(), info.name());
    if (!info.fieldSelector().isEmpty()) {
      SelectorParse<FieldSelectorRequirement> fs = SelectorParse.fieldSelector(info.fieldSelector());
      if (fs.failed()) {
        attributes = attributes.withFieldSelector(List.of(), fs.error());
      } else if (!fs.requirements().isEmpty()) {
        attributes = attributes.withFieldSelector(fs.requirements(), "");
      }
    }
    if (!info.labelSelector().isEmpty()) {
      SelectorParse<LabelSelectorRequirement> ls = SelectorParse.labelSelector(info.labelSelector());
      if (ls.failed()) {
        attributes = attributes.withLabelSelector(List.of(), ls.error());
      } else if (!ls.requirements().isEmpty()) {
        attributes = attributes.withLabelSelector(ls.requirements(), "");
      }
    }
    return attributes;
  }
}
