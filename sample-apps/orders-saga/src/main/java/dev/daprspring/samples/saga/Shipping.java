package dev.daprspring.samples.saga;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.daprspring.workflows.ActivityContext;
import dev.daprspring.workflows.annotation.DaprActivity;
import org.springframework.stereotype.Component;

/**
 * Shipments, in memory: the saga's last step, idempotent per order. It has no compensation:
 * nothing comes after it that could fail.
 */
@Component
public class Shipping {

	private final List<String> countries;

	private final Map<String, Shipment> shipments = new HashMap<>();

	public Shipping(SagaProperties properties) {
		this.countries = List.copyOf(properties.shipsTo());
	}

	/** Books the shipment, unless the country is not one of {@code saga.ships-to}. */
	@DaprActivity
	public synchronized Shipment ship(ActivityContext context, Order order) {
		Shipment booked = this.shipments.get(context.instanceId());
		if (booked != null) {
			return booked;
		}
		if (!this.countries.contains(order.country())) {
			throw new UnsupportedCountryException(
					"No shipping to " + order.country() + ": shipping delivers to " + this.countries);
		}
		String trackingNumber = "TRK-%05d".formatted(this.shipments.size() + 1);
		Shipment shipment = new Shipment(context.instanceId(), trackingNumber, order.country());
		this.shipments.put(shipment.orderId(), shipment);
		return shipment;
	}

	public synchronized Optional<Shipment> shipment(String orderId) {
		return Optional.ofNullable(this.shipments.get(orderId));
	}

}
