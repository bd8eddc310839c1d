package dev.daprspring.samples.saga;

/**
 * A shipment {@link Shipping#ship} booked.
 *
 * @param orderId the order (the saga's instance id)
 * @param trackingNumber its tracking number
 * @param country where it goes
 */
public record Shipment(String orderId, String trackingNumber, String country) {
}
