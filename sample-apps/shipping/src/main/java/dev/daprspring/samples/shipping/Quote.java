package dev.daprspring.samples.shipping;

import java.math.BigDecimal;

/**
 * What shipping an order costs and how long it takes.
 *
 * @param cost the price
 * @param days working days until delivery
 */
public record Quote(BigDecimal cost, int days) {
}
