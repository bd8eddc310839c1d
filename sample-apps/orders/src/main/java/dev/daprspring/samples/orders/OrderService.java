package dev.daprspring.samples.orders;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.daprspring.core.DaprOperations;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Places orders: saves them, then tells the rest of the system with an {@link OrderPlaced}
 * event.
 */
@Service
public class OrderService {

	private final OrderRepository orders;

	private final DaprOperations dapr;

	private final Clock clock;

	public OrderService(OrderRepository orders, DaprOperations dapr) {
		this.orders = orders;
		this.dapr = dapr;
		this.clock = Clock.systemUTC();
	}

	/** Saves a new order and publishes its {@link OrderPlaced} event. */
	public Order place(String item, int quantity) {
		Order order = this.orders.save(new Order(item, quantity, this.clock.instant()));
		this.dapr.pubsub().publish(OrderPlaced.TOPIC, new OrderPlaced(order.getId(), item, quantity));
		return order;
	}

	/** The order with this id, if there is one. */
	public Optional<Order> find(String id) {
		return this.orders.findById(id);
	}

	/** One page of the orders, in the page's order. */
	public Page<Order> findAll(Pageable page) {
		return this.orders.findAll(page);
	}

	/** Every order, oldest first. */
	public List<Order> findAll() {
		return this.orders.findAllByOrderByPlacedAtAsc();
	}

	/** Every order in this status, oldest first. */
	public List<Order> findByStatus(OrderStatus status) {
		return this.orders.findByStatusOrderByPlacedAtAsc(status);
	}

}
