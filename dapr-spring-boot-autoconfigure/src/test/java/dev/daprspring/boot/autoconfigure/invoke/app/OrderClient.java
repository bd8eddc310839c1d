package dev.daprspring.boot.autoconfigure.invoke.app;

import dev.daprspring.boot.autoconfigure.invoke.DaprServiceClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The caller's view of the target app. */
@DaprServiceClient("${invoke-it.target-app-id:target}")
@HttpExchange("/orders")
public interface OrderClient {

	@GetExchange("/{id}")
	Order get(@PathVariable long id);

	@PostExchange
	ResponseEntity<Order> create(@RequestBody Order order);

}
