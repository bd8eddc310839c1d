package dev.daprspring.samples.carts;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The sample's REST API as the tests call it: every answer as a status and a JSON map,
 * whatever the status.
 */
final class CartsHttp {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final RestClient http;

	CartsHttp(int port) {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	ResponseEntity<Map<String, Object>> add(String customer, String item, int quantity) {
		return post("/carts/" + customer + "/items", Map.of("item", item, "quantity", quantity));
	}

	ResponseEntity<Map<String, Object>> remove(String customer, String item) {
		return this.http.delete().uri("/carts/{customer}/items/{item}", customer, item).retrieve().toEntity(JSON);
	}

	ResponseEntity<Map<String, Object>> checkout(String customer) {
		return this.http.post().uri("/carts/{customer}/checkout", customer).retrieve().toEntity(JSON);
	}

	ResponseEntity<Map<String, Object>> post(String uri, Object body) {
		return this.http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JSON);
	}

	Map<String, Object> view(String customer) {
		return this.http.get().uri("/carts/{customer}", customer).retrieve().body(JSON);
	}

	/** {@code GET /carts}: the customers whose cart is active here. */
	@SuppressWarnings("unchecked")
	List<String> activeCarts() {
		return (List<String>) this.http.get().uri("/carts").retrieve().body(JSON).get("active");
	}

	/** {@code GET /carts}: how often each customer's cart was abandoned. */
	@SuppressWarnings("unchecked")
	Map<String, Object> abandonedCarts() {
		return (Map<String, Object>) this.http.get().uri("/carts").retrieve().body(JSON).get("abandoned");
	}

	/** A cart as the API answers it. */
	static Map<String, Object> cart(String customer, List<Map<String, Object>> items, boolean abandoned) {
		return Map.of("customer", customer, "items", items, "abandoned", abandoned);
	}

	/** A line of a cart as the API answers it. */
	static Map<String, Object> line(String item, int quantity) {
		return Map.of("item", item, "quantity", quantity);
	}

}
