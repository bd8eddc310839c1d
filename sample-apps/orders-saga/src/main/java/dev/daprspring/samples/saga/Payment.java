package dev.daprspring.samples.saga;

/**
 * A payment {@link Payments#takePayment} took.
 *
 * @param orderId the order (the saga's instance id)
 * @param customer who paid
 * @param amount how much
 */
public record Payment(String orderId, String customer, int amount) {
}
