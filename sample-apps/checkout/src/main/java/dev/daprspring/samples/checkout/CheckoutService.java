package dev.daprspring.samples.checkout;

import java.util.UUID;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.samples.checkout.ShippingClient.Quote;
import dev.daprspring.samples.checkout.ShippingClient.QuoteRequest;
import org.springframework.stereotype.Service;

/**
 * Checks an order out: asks shipping for a quote (service invocation), then tells shipping
 * the order is paid (pub/sub).
 */
@Service
public class CheckoutService {

	private final ShippingClient shipping;

	private final DaprOperations dapr;

	public CheckoutService(ShippingClient shipping, DaprOperations dapr) {
		this.shipping = shipping;
		this.dapr = dapr;
	}

	/** Quotes, takes payment (a sample: always succeeds) and publishes {@link OrderPaid}. */
	public Checkout checkout(String item, int quantity) {
		Quote quote = this.shipping.quote(new QuoteRequest(item, quantity));
		String orderId = UUID.randomUUID().toString();
		this.dapr.pubsub().publish(OrderPaid.TOPIC, new OrderPaid(orderId, item, quantity, quote.cost()));
		return new Checkout(orderId, "PAID", item, quantity, quote.cost(), quote.days());
	}

}
