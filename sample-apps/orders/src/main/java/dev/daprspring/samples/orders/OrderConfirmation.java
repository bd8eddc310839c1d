package dev.daprspring.samples.orders;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.messaging.annotation.Topic;
import org.springframework.stereotype.Component;

/**
 * Confirms each placed order when its {@link OrderPlaced} event arrives.
 */
@Component
class OrderConfirmation {

	private static final Log logger = LogFactory.getLog(OrderConfirmation.class);

	private final OrderRepository orders;

	OrderConfirmation(OrderRepository orders) {
		this.orders = orders;
	}

	@Topic(name = OrderPlaced.TOPIC)
	void confirm(OrderPlaced event) {
		// Saved before the event was published; a missing order is an error, so the sidecar may retry.
		Order order = this.orders.findById(event.orderId())
			.orElseThrow(() -> new IllegalStateException("No order " + event.orderId() + " to confirm"));
		if (order.getStatus() == OrderStatus.PLACED) {
			order.setStatus(OrderStatus.CONFIRMED);
			this.orders.save(order);
			logger.info("Order " + event.orderId() + " confirmed");
		}
	}

}
