package dev.daprspring.samples.carts;

import jakarta.validation.Valid;

import dev.daprspring.actors.client.ActorProxyFactory;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /carts/{customer}}, {@code POST /carts/{customer}/items},
 * {@code DELETE /carts/{customer}/items/{item}}, {@code POST /carts/{customer}/checkout}:
 * each a call of the customer's {@code Cart} actor through its proxy; and {@code GET /carts},
 * what the carts of this instance did.
 */
@RestController
@RequestMapping("/carts")
class CartController {

	private final ActorProxyFactory actors;

	private final CartActivity activity;

	CartController(ActorProxyFactory actors, CartActivity activity) {
		this.actors = actors;
		this.activity = activity;
	}

	@GetMapping
	CartActivity.Snapshot activity() {
		return this.activity.snapshot();
	}

	@GetMapping("/{customer}")
	CartView view(@PathVariable String customer) {
		return cart(customer).view();
	}

	@PostMapping("/{customer}/items")
	CartView add(@PathVariable String customer, @Valid @RequestBody CartItem item) {
		return cart(customer).add(item);
	}

	@DeleteMapping("/{customer}/items/{item}")
	CartView remove(@PathVariable String customer, @PathVariable String item) {
		return cart(customer).remove(item);
	}

	@PostMapping("/{customer}/checkout")
	Receipt checkout(@PathVariable String customer) {
		return cart(customer).checkout();
	}

	private Cart cart(String customer) {
		return this.actors.proxy(Cart.class, customer);
	}

}
