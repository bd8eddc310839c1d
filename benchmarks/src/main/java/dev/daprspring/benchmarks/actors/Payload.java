package dev.daprspring.benchmarks.actors;

/**
 * The small JSON object every call sends and gets back (about 80 bytes of JSON).
 *
 * @param id an order id
 * @param customer the customer
 * @param quantity how many
 * @param total the amount
 */
public record Payload(String id, String customer, int quantity, double total) {

	/** The value every client sends. */
	public static final Payload SAMPLE = new Payload("order-4711", "customer-42", 3, 59.97);

}
