/**
 * A sample order service: orders are saved through a Dapr state repository, an
 * {@code OrderPlaced} event is published, and a {@code @Topic} handler confirms the order.
 */
@NullMarked
package dev.daprspring.samples.orders;

import org.jspecify.annotations.NullMarked;
