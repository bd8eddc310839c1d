package dev.daprspring.benchmarks.data;

import org.springframework.data.annotation.Id;

/**
 * The entity every client saves and reads back (about 90 bytes as JSON).
 *
 * @param id the order's id
 * @param customer who ordered
 * @param quantity how many items
 * @param total the price of all items
 * @param express whether it ships express
 */
public record Order(@Id String id, String customer, int quantity, double total, boolean express) {

	static Order sample(String id, int n) {
		return new Order(id, "customer-" + (n % 97) + "@example.com", 1 + n % 5, 10 + (n % 1000) / 10.0, n % 2 == 0);
	}

}
