package dev.daprspring.samples.checkout;

import java.net.URI;

import jakarta.validation.Valid;

import dev.daprspring.samples.checkout.ShippingClient.Shipment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;

/**
 * {@code POST /checkouts} and {@code GET /checkouts/{orderId}/shipment}.
 */
@RestController
@RequestMapping("/checkouts")
class CheckoutController {

	private final CheckoutService checkouts;

	private final ShippingClient shipping;

	CheckoutController(CheckoutService checkouts, ShippingClient shipping) {
		this.checkouts = checkouts;
		this.shipping = shipping;
	}

	@PostMapping
	ResponseEntity<Checkout> checkout(@Valid @RequestBody CheckoutRequest request) {
		// Both are non-null here: @Valid rejected the request otherwise.
		Checkout checkout = this.checkouts.checkout(request.item(), request.quantity());
		return ResponseEntity.created(URI.create("/checkouts/" + checkout.orderId() + "/shipment")).body(checkout);
	}

	@GetMapping("/{orderId}/shipment")
	ResponseEntity<Shipment> shipment(@PathVariable String orderId) {
		try {
			return ResponseEntity.ok(this.shipping.shipment(orderId));
		}
		catch (HttpClientErrorException.NotFound ex) {
			// Not scheduled (yet).
			return ResponseEntity.notFound().build();
		}
	}

}
