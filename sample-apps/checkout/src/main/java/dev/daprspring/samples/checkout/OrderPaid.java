package dev.daprspring.samples.checkout;

import java.math.BigDecimal;

/**
 * Published on topic {@value #TOPIC} of pub/sub {@code pubsub} (Redis) once an order is paid.
 *
 * @param orderId the order
 * @param item what to ship
 * @param quantity how many
 * @param shippingCost what the customer paid for shipping
 */
public record OrderPaid(String orderId, String item, int quantity, BigDecimal shippingCost) {

	/** The topic shipping subscribes to. */
	public static final String TOPIC = "order-paid";

}
