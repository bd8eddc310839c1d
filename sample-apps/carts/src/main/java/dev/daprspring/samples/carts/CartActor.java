package dev.daprspring.samples.carts;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.actors.ActorContext;
import dev.daprspring.actors.annotation.DaprActor;
import dev.daprspring.actors.annotation.DaprReminder;

/**
 * The {@code Cart} actor: one instance per active customer, its cart in actor state under
 * {@code cart}. Every change (re)registers the reminder {@code abandoned}, due
 * {@code carts.abandon-after} later; when it fires, the cart is emptied and marked
 * abandoned. Checking out, or removing the last item, unregisters it.
 */
@DaprActor("Cart")
public class CartActor implements Cart {

	static final String ABANDONED = "abandoned";

	private static final String STATE = "cart";

	private static final Log logger = LogFactory.getLog(CartActor.class);

	private final ActorContext context;

	private final CartsProperties properties;

	private final CartActivity activity;

	public CartActor(ActorContext context, CartsProperties properties, CartActivity activity) {
		this.context = context;
		this.properties = properties;
		this.activity = activity;
	}

	@PostConstruct
	void activated() {
		this.activity.activated(customer());
		logger.debug("Cart of " + customer() + " activated");
	}

	@PreDestroy
	void deactivated() {
		this.activity.deactivated(customer());
		logger.debug("Cart of " + customer() + " deactivated");
	}

	@Override
	public CartView add(CartItem item) {
		// The REST API validates too; an actor checks its input for every caller.
		if (item.item() == null || item.item().isBlank()) {
			throw new IllegalArgumentException("An item needs a name");
		}
		if (item.quantity() < 1) {
			throw new IllegalArgumentException("The quantity of " + item.item() + " must be at least 1, not "
					+ item.quantity());
		}
		List<CartItem> items = new ArrayList<>(view().items());
		int existing = indexOf(items, item.item());
		if (existing >= 0) {
			items.set(existing, new CartItem(item.item(), items.get(existing).quantity() + item.quantity()));
		}
		else {
			items.add(item);
		}
		return changed(items);
	}

	@Override
	public CartView remove(String item) {
		List<CartItem> items = new ArrayList<>(view().items());
		int existing = indexOf(items, item);
		if (existing < 0) {
			throw new NoSuchElementException(item + " is not in the cart of " + customer());
		}
		items.remove(existing);
		return changed(items);
	}

	@Override
	public CartView view() {
		return this.context.state().get(STATE, CartView.class).orElseGet(() -> CartView.empty(customer()));
	}

	@Override
	public Receipt checkout() {
		List<CartItem> items = view().items();
		if (items.isEmpty()) {
			throw new IllegalStateException("The cart of " + customer() + " is empty: there is nothing to check out");
		}
		this.context.schedules().unregisterReminder(ABANDONED);
		this.context.state().remove(STATE);
		return new Receipt(customer(), items, items.stream().mapToInt(CartItem::quantity).sum());
	}

	/** Called by the scheduler once the cart went unchanged for {@code carts.abandon-after}. */
	@DaprReminder(ABANDONED)
	public void abandoned() {
		List<CartItem> dropped = view().items();
		this.context.state().set(STATE, new CartView(customer(), List.of(), true));
		this.activity.abandoned(customer());
		logger.info("Cart of " + customer() + " abandoned after " + this.properties.abandonAfter() + ": emptied "
				+ dropped);
	}

	private CartView changed(List<CartItem> items) {
		CartView cart = new CartView(customer(), List.copyOf(items), false);
		if (items.isEmpty()) {
			this.context.state().remove(STATE);
			this.context.schedules().unregisterReminder(ABANDONED);
		}
		else {
			this.context.state().set(STATE, cart);
			// Registering it again under the same name moves its due time.
			this.context.schedules().registerReminder(ABANDONED, this.properties.abandonAfter(), null, null);
		}
		return cart;
	}

	private String customer() {
		return this.context.actorId();
	}

	private static int indexOf(List<CartItem> items, String item) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).item().equals(item)) {
				return i;
			}
		}
		return -1;
	}

}
