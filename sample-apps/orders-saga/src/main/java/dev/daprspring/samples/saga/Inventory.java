package dev.daprspring.samples.saga;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.daprspring.workflows.ActivityContext;
import dev.daprspring.workflows.annotation.DaprActivity;
import org.springframework.stereotype.Component;

/**
 * The stock, in memory: the saga's first step and its compensation. An activity runs at
 * least once, so both are idempotent per order (the saga's instance id).
 */
@Component
public class Inventory {

	private final Map<String, Integer> stock;

	private final Map<String, Reservation> reservations = new HashMap<>();

	public Inventory(SagaProperties properties) {
		this.stock = new HashMap<>(properties.stock());
	}

	/** Sets the order's quantity aside; called again for the same order, returns what it reserved then. */
	@DaprActivity
	public synchronized Reservation reserveStock(ActivityContext context, Order order) {
		Reservation reserved = this.reservations.get(context.instanceId());
		if (reserved != null) {
			return reserved;
		}
		int available = available(order.item());
		if (available < order.quantity()) {
			throw new OutOfStockException(
					order.quantity() + " " + order.item() + " ordered, " + available + " in stock");
		}
		this.stock.put(order.item(), available - order.quantity());
		Reservation reservation = new Reservation(context.instanceId(), order.item(), order.quantity());
		this.reservations.put(reservation.orderId(), reservation);
		return reservation;
	}

	/** Compensates {@link #reserveStock}: puts the quantity back, once. */
	@DaprActivity
	public synchronized void releaseStock(Reservation reservation) {
		if (this.reservations.remove(reservation.orderId()) != null) {
			this.stock.merge(reservation.item(), reservation.quantity(), Integer::sum);
		}
	}

	public synchronized int available(String item) {
		return this.stock.getOrDefault(item, 0);
	}

	/** The stock of every item, by name. */
	public synchronized Map<String, Integer> levels() {
		return new TreeMap<>(this.stock);
	}

	public synchronized Optional<Reservation> reservation(String orderId) {
		return Optional.ofNullable(this.reservations.get(orderId));
	}

}
