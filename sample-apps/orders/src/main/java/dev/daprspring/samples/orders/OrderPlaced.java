package dev.daprspring.samples.orders;

/**
 * Published on topic {@value #TOPIC} when an order is saved.
 *
 * @param orderId the order's id
 * @param item what was ordered
 * @param quantity how many
 */
public record OrderPlaced(String orderId, String item, int quantity) {

	/** The topic of the default pub/sub the event goes to. */
	public static final String TOPIC = "orders";

}
