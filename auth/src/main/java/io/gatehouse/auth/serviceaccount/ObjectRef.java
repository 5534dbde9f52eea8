package io.gatehouse.auth.serviceaccount;

/**
 * A {@code {"name","uid"}} reference inside the {@code kubernetes.io} claim. Immutable.
 *
 * @param name the object's name, empty if absent
 * @param uid the object's uid, empty if absent
 */
public record ObjectRef(String name, String uid) {}
