/**
 * Auto-configuration of the CloudEvent de-duplicator, on request
 * ({@code dapr.messaging.idempotency.enabled=true}).
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.idempotency;

import org.jspecify.annotations.NullMarked;
