/**
 * The delivery pipeline: one {@link dev.daprspring.messaging.delivery.TopicEventListener}
 * per topic endpoint, built when the endpoint is registered (a handler of single events or
 * a bulk handler, chosen then), its observation, concurrency limit and retries, and the
 * routes every transport looks listeners up by; turning a handler's outcome into the status
 * the sidecar acts on.
 */
@NullMarked
package dev.daprspring.messaging.delivery;

import org.jspecify.annotations.NullMarked;
