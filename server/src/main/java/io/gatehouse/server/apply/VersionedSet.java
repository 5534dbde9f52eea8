package io.gatehouse.server.apply;

/**
 * The fields one manager owns, at the API version it used, and whether it owns them by applying
 * (upstream's {@code fieldpath.VersionedSet}). Immutable by convention: the set is not modified
 * once wrapped.
 *
 * @param set the owned fields
 * @param apiVersion the group/version the manager wrote in
 * @param applied whether the owner is an applier (operation {@code Apply})
 */
record VersionedSet(FieldSet set, String apiVersion, boolean applied) {}
