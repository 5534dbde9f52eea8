package io.gatehouse.server;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an allocation repair pass reports: a Warning event upstream records on a Service or an
 * IPAddress, or (empty reason and object) an error upstream only logs. Gatehouse logs both at
 * WARN rather than recording Events. Immutable.
 *
 * @param reason the event's reason ({@code ClusterIPNotAllocated} …), or empty
 * @param object the object it is about ({@code services default/web}, {@code ipaddresses
 *     10.0.0.7}), or empty
 * @param message upstream's text
 */
record RepairEvent(String reason, String object, String message) {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceAllocationRepair.class);

  /** Logs each event at WARN. */
  static final Consumer<RepairEvent> LOGGED = e -> LOG.atWarn().setMessage(e.message())
      .addKeyValue("reason", e.reason()).addKeyValue("object", e.object()).log();

  /** An event on a Service. */
  static RepairEvent onService(String reason, io.gatehouse.api.Unstructured svc, String message) {
    return new RepairEvent(reason, "services " + svc.namespace() + "/" + svc.name(), message);
  }

  /** An event on an IPAddress. */
  static RepairEvent onIpAddress(String reason, io.gatehouse.api.Unstructured address,
      String message) {
    return new RepairEvent(reason, "ipaddresses " + address.name(), message);
  }

  /** An error upstream logs without an event. */
  static RepairEvent error(String message) {
    return new RepairEvent("", "", message);
  }
}
