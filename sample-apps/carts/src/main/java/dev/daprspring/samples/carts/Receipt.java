package dev.daprspring.samples.carts;

import java.util.List;

/**
 * What a checkout bought.
 *
 * @param customer who checked out
 * @param items the cart's lines
 * @param totalQuantity how many items in all
 */
public record Receipt(String customer, List<CartItem> items, int totalQuantity) {
}
