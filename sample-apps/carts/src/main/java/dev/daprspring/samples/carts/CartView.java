package dev.daprspring.samples.carts;

import java.util.List;

/**
 * A customer's cart as the {@code Cart} actor keeps it in its state and answers it.
 *
 * @param customer whose cart it is (the actor id)
 * @param items its lines, in the order they were first added
 * @param abandoned whether the abandoned-cart reminder emptied it since its last change
 */
public record CartView(String customer, List<CartItem> items, boolean abandoned) {

	static CartView empty(String customer) {
		return new CartView(customer, List.of(), false);
	}

}
