package dev.daprspring.samples.shipping;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /shipments/{orderId}} and {@code GET /shipments/dead-letters}.
 */
@RestController
@RequestMapping("/shipments")
class ShipmentController {

	private final ShipmentRepository shipments;

	private final DeadLetters deadLetters;

	ShipmentController(ShipmentRepository shipments, DeadLetters deadLetters) {
		this.shipments = shipments;
		this.deadLetters = deadLetters;
	}

	@GetMapping("/dead-letters")
	List<String> deadLetters() {
		return this.deadLetters.events();
	}

	@GetMapping("/{orderId}")
	ResponseEntity<Shipment> get(@PathVariable String orderId) {
		return ResponseEntity.of(this.shipments.findById(orderId));
	}

}
