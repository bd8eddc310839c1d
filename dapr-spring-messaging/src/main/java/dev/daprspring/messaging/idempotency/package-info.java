/**
 * De-duplication of deliveries by CloudEvent id: a handler that must not act twice on a
 * redelivered or re-published event claims the id in a state store first.
 */
@NullMarked
package dev.daprspring.messaging.idempotency;

import org.jspecify.annotations.NullMarked;
