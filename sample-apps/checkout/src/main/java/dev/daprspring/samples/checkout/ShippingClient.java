package dev.daprspring.samples.checkout;

import java.math.BigDecimal;

import dev.daprspring.boot.autoconfigure.invoke.DaprServiceClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Shipping's HTTP API, called through the sidecar with Dapr service invocation (app id
 * {@code shipping}, or {@code dapr.invoke.app-ids.shipping-client}).
 */
@DaprServiceClient("shipping")
@HttpExchange
public interface ShippingClient {

	/** What shipping these items costs. */
	@PostExchange("/quotes")
	Quote quote(@RequestBody QuoteRequest request);

	/** The shipment of a paid order; a 404 until shipping has handled its event. */
	@GetExchange("/shipments/{orderId}")
	Shipment shipment(@PathVariable String orderId);

	/**
	 * The body of {@code POST /quotes}.
	 *
	 * @param item what to ship
	 * @param quantity how many
	 */
	record QuoteRequest(String item, int quantity) {
	}

	/**
	 * Shipping's answer.
	 *
	 * @param cost the price
	 * @param days working days until delivery
	 */
	record Quote(BigDecimal cost, int days) {
	}

	/**
	 * A shipment as shipping shows it.
	 *
	 * @param orderId the order
	 * @param item what is shipped
	 * @param quantity how many
	 * @param status for example {@code SCHEDULED}
	 * @param carrierAccount the carrier account it goes out on
	 */
	record Shipment(String orderId, String item, int quantity, String status, String carrierAccount) {
	}

}
