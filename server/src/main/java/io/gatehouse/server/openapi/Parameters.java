package io.gatehouse.server.openapi;

import io.gatehouse.server.openapi.Operation.Parameter;
import java.util.List;

/** The query and path parameters of kube-apiserver's REST operations, by operation kind. */
final class Parameters {

  static final Parameter PRETTY = query("pretty", "string",
      "If 'true', then the output is pretty printed.");
  static final Parameter NAMESPACE = new Parameter("namespace", "path",
      "object name and auth scope, such as for teams and projects", "string", true);

  static final Parameter DRY_RUN = query("dryRun", "string",
      "When present, modifications are not persisted. The only valid value is All (every dry-run "
          + "stage is processed); an unknown value fails the request.");
  static final Parameter FIELD_MANAGER = query("fieldManager", "string",
      "The name of the actor making the changes, at most 128 printable characters. Required for "
          + "apply requests, optional otherwise.");
  static final Parameter FIELD_VALIDATION = query("fieldValidation", "string",
      "How the server handles unknown and duplicate fields in the object of a POST, PUT or PATCH: "
          + "Ignore drops them silently, Warn (the default) drops them and returns a warning "
          + "for each, Strict fails the request with an error naming them.");
  static final Parameter FORCE = query("force", "boolean",
      "Whether an apply request takes over fields other managers own. Must be unset for other "
          + "patch types.");
  static final Parameter GRACE_PERIOD = query("gracePeriodSeconds", "integer",
      "Seconds before the object is deleted; zero deletes at once, unset uses the kind's default.");
  static final Parameter IGNORE_READ_ERRORS = query(
      "ignoreStoreReadErrorWithClusterBreakingPotential", "boolean",
      "Whether to delete an object that cannot be read from storage (unsafe; needs a "
          + "separate permission).");
  static final Parameter ORPHAN = query("orphanDependents", "boolean",
      "Deprecated: use propagationPolicy. Whether dependents are orphaned.");
  static final Parameter PROPAGATION = query("propagationPolicy", "string",
      "How dependents are garbage collected: Orphan, Background or Foreground.");

  static final Parameter ALLOW_BOOKMARKS = query("allowWatchBookmarks", "boolean",
      "Whether a watch may send BOOKMARK events; ignored by non-watch requests.");
  static final Parameter CONTINUE = query("continue", "string",
      "The continue token of the previous page of a chunked list.");
  static final Parameter FIELD_SELECTOR = query("fieldSelector", "string",
      "Restricts the list of returned objects by their fields. Defaults to everything.");
  static final Parameter LABEL_SELECTOR = query("labelSelector", "string",
      "Restricts the list of returned objects by their labels. Defaults to everything.");
  static final Parameter LIMIT = query("limit", "integer",
      "The maximum number of items of one page; more are reached with the continue token.");
  static final Parameter RESOURCE_VERSION = query("resourceVersion", "string",
      "Constrains which resource versions a request may be served from; see the API concepts' "
          + "resource versions section. Defaults to unset.");
  static final Parameter RESOURCE_VERSION_MATCH = query("resourceVersionMatch", "string",
      "How resourceVersion applies to list calls: NotOlderThan or Exact.");
  static final Parameter SEND_INITIAL_EVENTS = query("sendInitialEvents", "boolean",
      "With watch=true, start the watch with synthetic events for the current state, then a "
          + "BOOKMARK annotated k8s.io/initial-events-end.");
  static final Parameter TIMEOUT = query("timeoutSeconds", "integer",
      "Timeout for the list or watch call, regardless of activity.");
  static final Parameter WATCH = query("watch", "boolean",
      "Watch for changes to the described resources and return them as a stream of add, update "
          + "and remove notifications.");

  static final List<Parameter> LIST = List.of(ALLOW_BOOKMARKS, CONTINUE, FIELD_SELECTOR,
      LABEL_SELECTOR, LIMIT, RESOURCE_VERSION, RESOURCE_VERSION_MATCH, SEND_INITIAL_EVENTS,
      TIMEOUT, WATCH);
  static final List<Parameter> WRITE = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION);
  static final List<Parameter> PATCH = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE);
  static final List<Parameter> DELETE = List.of(DRY_RUN, GRACE_PERIOD, IGNORE_READ_ERRORS, ORPHAN,
      PROPAGATION);
  static final List<Parameter> DELETE_COLLECTION = List.of(CONTINUE, DRY_RUN, FIELD_SELECTOR,
      GRACE_PERIOD, IGNORE_READ_ERRORS, LABEL_SELECTOR, LIMIT, ORPHAN, PROPAGATION,
      RESOURCE_VERSION, RESOURCE_VERSION_MATCH, SEND_INITIAL_EVENTS, TIMEOUT);

  private Parameters() {}

  static Parameter name(String kind) {
    return new Parameter("name", "path", "name of the " + kind, "string", true);
  }

  private static Parameter query(String name, String type, String description) {
    return new Parameter(name, "query", description, type, false);
  }
}
