/**
 * A sample order service whose orders are sagas: the {@code OrderSaga} workflow calls the
 * activities of three in-memory services ({@code Inventory}, {@code Payments},
 * {@code Shipping}) one after the other, and their compensations in reverse order when a
 * later step fails.
 */
@NullMarked
package dev.daprspring.samples.saga;

import org.jspecify.annotations.NullMarked;
