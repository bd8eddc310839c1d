package dev.daprspring.samples.carts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * A line of a cart, and the body of {@code POST /carts/{customer}/items}.
 *
 * @param item what is in the cart
 * @param quantity how many, at least one
 */
public record CartItem(@NotBlank String item, @Positive int quantity) {
}
