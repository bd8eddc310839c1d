/**
 * Delivery over streaming subscriptions opened by the application to its sidecar.
 */
@NullMarked
package dev.daprspring.messaging.streaming;

import org.jspecify.annotations.NullMarked;
