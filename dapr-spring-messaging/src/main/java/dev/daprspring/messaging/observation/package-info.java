/**
 * Micrometer observations of deliveries to {@code @Topic} handlers, continuing the trace
 * the publisher started.
 */
@NullMarked
package dev.daprspring.messaging.observation;

import org.jspecify.annotations.NullMarked;
