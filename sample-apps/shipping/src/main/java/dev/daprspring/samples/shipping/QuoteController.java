package dev.daprspring.samples.shipping;

import java.math.BigDecimal;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /quotes}, which checkout calls through Dapr service invocation.
 */
@RestController
class QuoteController {

	private static final BigDecimal BASE = new BigDecimal("4.90");

	private static final BigDecimal PER_ITEM = new BigDecimal("0.50");

	@PostMapping("/quotes")
	Quote quote(@Valid @RequestBody QuoteRequest request) {
		int quantity = request.quantity();
		return new Quote(BASE.add(PER_ITEM.multiply(BigDecimal.valueOf(quantity))), (quantity > 10) ? 5 : 2);
	}

}
