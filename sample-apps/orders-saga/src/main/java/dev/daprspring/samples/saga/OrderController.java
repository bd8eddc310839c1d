package dev.daprspring.samples.saga;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import dev.daprspring.workflows.client.WorkflowOperations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /orders} starts an {@link OrderSaga} and answers 202 with its instance id;
 * {@code GET /orders/{id}} answers its status and result; {@code GET /stock} the
 * inventory's stock. An invalid order is answered with 400 problem details naming its
 * fields before any saga starts, an unknown id with 404.
 */
@RestController
class OrderController {

	private final WorkflowOperations workflows;

	private final Inventory inventory;

	OrderController(WorkflowOperations workflows, Inventory inventory) {
		this.workflows = workflows;
		this.inventory = inventory;
	}

	@PostMapping("/orders")
	ResponseEntity<Map<String, String>> place(@Valid @RequestBody Order order) {
		String id = this.workflows.schedule(OrderSaga.class, order);
		return ResponseEntity.accepted().location(URI.create("/orders/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/orders/{id}")
	OrderView order(@PathVariable String id) {
		return this.workflows.find(id)
			.map(OrderView::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id));
	}

	@GetMapping("/stock")
	Map<String, Integer> stock() {
		return this.inventory.levels();
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidOrder(MethodArgumentNotValidException ex) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((field) -> field.getField() + " " + field.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid order");
		return problem;
	}

}
