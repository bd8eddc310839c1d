package dev.daprspring.samples.checkout;

import java.math.BigDecimal;

/**
 * A paid order, as {@code POST /checkouts} answers it.
 *
 * @param orderId the new order's id
 * @param status always {@code PAID}
 * @param item what was bought
 * @param quantity how many
 * @param shippingCost shipping's quote
 * @param deliveryDays shipping's estimate
 */
public record Checkout(String orderId, String status, String item, int quantity, BigDecimal shippingCost,
		int deliveryDays) {
}
