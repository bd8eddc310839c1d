package dev.daprspring.samples.carts;

import dev.daprspring.actors.annotation.DaprActor;

/**
 * A customer's shopping cart, one {@code Cart} actor per customer: the interface callers get
 * a proxy of from {@code ActorProxyFactory}. Calls on one cart run one at a time, wherever
 * its actor is active.
 */
@DaprActor("Cart")
public interface Cart {

	/** Adds the quantity of the item (to what the cart holds of it already). */
	CartView add(CartItem item);

	/** Removes the item's line; fails if the cart has none. */
	CartView remove(String item);

	CartView view();

	/** Empties the cart into a receipt; fails if it is empty. */
	Receipt checkout();

}
