/**
 * A sample checkout service: asks shipping for a quote through Dapr service invocation and
 * publishes {@code OrderPaid} on Redis pub/sub.
 */
@NullMarked
package dev.daprspring.samples.checkout;

import org.jspecify.annotations.NullMarked;
