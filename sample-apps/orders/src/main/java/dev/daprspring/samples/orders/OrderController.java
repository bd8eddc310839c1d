package dev.daprspring.samples.orders;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /orders}, {@code GET /orders/{id}}, {@code GET /orders?status=...} and
 * {@code GET /orders}.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

	private final OrderService service;

	OrderController(OrderService service) {
		this.service = service;
	}

	@PostMapping
	ResponseEntity<Order> place(@Valid @RequestBody OrderRequest request) {
		// Both are non-null here: @Valid rejected the request otherwise.
		Order order = this.service.place(request.item(), request.quantity());
		return ResponseEntity.created(URI.create("/orders/" + order.getId())).body(order);
	}

	@GetMapping("/{id}")
	ResponseEntity<Order> get(@PathVariable String id) {
		return ResponseEntity.of(this.service.find(id));
	}

	// ?page=0&size=20&sort=quantity,desc: Spring Data's Pageable, as with any Spring Data store.
	@GetMapping("/pages")
	PagedModel<Order> page(Pageable page) {
		return new PagedModel<>(this.service.findAll(page));
	}

	@GetMapping
	List<Order> list(@RequestParam(required = false) @Nullable OrderStatus status) {
		return (status != null) ? this.service.findByStatus(status) : this.service.findAll();
	}

}
