package dev.daprspring.benchmarks.state;

/**
 * The small JSON object every client saves and reads back (about 90 bytes as JSON).
 *
 * @param id the order's id
 * @param customer who ordered
 * @param quantity how many items
 * @param total the price of all items
 * @param express whether it ships express
 */
public record Order(String id, String customer, int quantity, double total, boolean express) {

	static final Order SAMPLE = new Order("order-4711", "alice@example.com", 3, 59.97, true);

}
