/**
 * Delivery over the HTTP app channel: {@code /dapr/subscribe} and the delivery routes.
 */
@NullMarked
package dev.daprspring.messaging.http;

import org.jspecify.annotations.NullMarked;
