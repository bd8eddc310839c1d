package dev.daprspring.samples.saga;

/**
 * Stock set aside for an order by {@link Inventory#reserveStock}.
 *
 * @param orderId the order (the saga's instance id)
 * @param item the item
 * @param quantity how many
 */
public record Reservation(String orderId, String item, int quantity) {
}
