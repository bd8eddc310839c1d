package dev.daprspring.samples.checkout;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout on its own, as {@code main} runs it, with its sidecar on a throwaway Redis:
 * what a caller sees when the input is invalid or shipping cannot be reached.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = { "dapr.sidecar.launch=always",
				// An app id no sidecar has, so that no shipping on this machine answers.
				"dapr.invoke.app-ids.shipping-client=shipping-not-running" })
class CheckoutApplicationIntegrationTests {

	static final LocalRedisServer redis = LocalRedisServer.start();

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("dapr.sidecar.environment.REDIS_HOST", redis::address);
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@LocalServerPort
	int port;

	RestClient http;

	@BeforeEach
	void client() {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void checkoutWithoutShippingAnswers503NamingShipping() {
		ResponseEntity<Map<String, Object>> response = checkout(Map.of("item", "book", "quantity", 1));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("title", "Shipping unavailable");
		assertThat((String) response.getBody().get("detail"))
			.contains("Calling app 'shipping' through Dapr service invocation failed")
			.contains("shipping-not-running")
			.contains("Is shipping running with its sidecar");
	}

	@Test
	void invalidCheckoutIsRejectedNamingTheFields() {
		ResponseEntity<Map<String, Object>> response = checkout(Map.of("quantity", 0));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("title", "Invalid checkout")
			.containsEntry("detail", "item must not be blank (was missing); quantity must be greater than 0 (was '0')");
	}

	@Test
	void healthIsUp() {
		ResponseEntity<Map<String, Object>> health = this.http.get()
			.uri("/actuator/health")
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(health.getBody()).containsEntry("status", "UP");
	}

	private ResponseEntity<Map<String, Object>> checkout(Map<String, Object> body) {
		return this.http.post()
			.uri("/checkouts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
	}

}
