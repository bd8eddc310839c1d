package dev.daprspring.samples.shipping;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.delivery.DropMessageException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Schedules a shipment for each paid order. An event that can never be shipped is dropped
 * to the dead-letter topic instead of being retried.
 */
@Component
class ShipmentScheduler {

	private static final Log logger = LogFactory.getLog(ShipmentScheduler.class);

	private final ShipmentRepository shipments;

	private final CarrierProperties carrier;

	ShipmentScheduler(ShipmentRepository shipments, CarrierProperties carrier) {
		this.shipments = shipments;
		this.carrier = carrier;
	}

	@Topic(name = OrderPaid.TOPIC, deadLetterTopic = OrderPaid.DEAD_LETTER_TOPIC)
	void schedule(OrderPaid event) {
		String orderId = event.orderId();
		String item = event.item();
		if (!StringUtils.hasText(orderId) || !StringUtils.hasText(item) || event.quantity() <= 0) {
			throw new DropMessageException("OrderPaid needs an orderId, an item and a positive quantity: " + event);
		}
		// Redelivered events find their shipment already there.
		if (!this.shipments.existsById(orderId)) {
			this.shipments.save(new Shipment(orderId, item, event.quantity(), this.carrier.account()));
			logger.info("Shipment of order " + orderId + " scheduled on carrier account " + this.carrier.account());
		}
	}

}
