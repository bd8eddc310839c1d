/**
 * A sample shipping service: quotes over Dapr service invocation, shipments scheduled from
 * {@code OrderPaid} events on Redis pub/sub, carrier credentials from a secret store.
 */
@NullMarked
package dev.daprspring.samples.shipping;

import org.jspecify.annotations.NullMarked;
