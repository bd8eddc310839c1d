package dev.daprspring.samples.shipping;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The event checkout publishes on topic {@value #TOPIC} once an order is paid (shipping's
 * own copy of its shape: the services share no code).
 *
 * @param orderId the order
 * @param item what to ship
 * @param quantity how many
 * @param shippingCost what the customer paid for shipping
 */
public record OrderPaid(@Nullable String orderId, @Nullable String item, int quantity,
		@Nullable BigDecimal shippingCost) {

	/** The topic on pub/sub {@code pubsub}. */
	public static final String TOPIC = "order-paid";

	/** Where the sidecar sends the events shipping drops. */
	public static final String DEAD_LETTER_TOPIC = "order-paid-dead";

}
