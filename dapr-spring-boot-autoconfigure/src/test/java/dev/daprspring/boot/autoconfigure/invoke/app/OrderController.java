package dev.daprspring.boot.autoconfigure.invoke.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The target app's endpoints, called through the sidecars. */
@RestController
public class OrderController {

	private final Map<Long, Order> orders = new ConcurrentHashMap<>(Map.of(1L, new Order(1, "book", 2)));

	@GetMapping("/orders/{id}")
	ResponseEntity<?> get(@PathVariable long id) {
		Order order = this.orders.get(id);
		return (order != null) ? ResponseEntity.ok(order)
				: ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No order " + id);
	}

	@PostMapping("/orders")
	ResponseEntity<Order> create(@RequestBody Order order) {
		this.orders.put(order.id(), order);
		return ResponseEntity.status(HttpStatus.CREATED).body(order);
	}

	@GetMapping("/echo/{text}")
	String echo(@PathVariable String text, @RequestParam String suffix) {
		return text + suffix;
	}

	@GetMapping("/caller")
	String caller(@RequestHeader(name = "dapr-caller-app-id", defaultValue = "none") String callerAppId) {
		return callerAppId;
	}

	@GetMapping("/fail")
	ResponseEntity<String> fail() {
		return ResponseEntity.internalServerError().contentType(MediaType.TEXT_PLAIN).body("boom");
	}

}
