package dev.daprspring.samples.together;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.samples.checkout.CheckoutApplication;
import dev.daprspring.samples.shipping.ShippingApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services as their {@code main} methods run them, each with the sidecar it launches,
 * on one throwaway Redis: an order goes from checkout to shipping by service invocation
 * (the quote) and Redis pub/sub ({@code OrderPaid}). The sidecars find each other by mDNS.
 */
class CheckoutAndShippingIntegrationTests {

	static LocalRedisServer redis;

	static ConfigurableApplicationContext shipping;

	static ConfigurableApplicationContext checkout;

	@BeforeAll
	static void start() {
		redis = LocalRedisServer.start();
		String[] args = { "--server.port=0", "--dapr.sidecar.launch=always",
				"--dapr.sidecar.environment.REDIS_HOST=" + redis.address() };
		shipping = ShippingApplication.application().run(args);
		checkout = CheckoutApplication.application().run(args);
	}

	@AfterAll
	static void stop() {
		if (checkout != null) {
			checkout.close();
		}
		if (shipping != null) {
			shipping.close();
		}
		redis.close();
	}

	@Test
	void anOrderGoesFromCheckoutToShipping() {
		assertThat(checkout.getBean(DaprSidecar.class).appId()).isEqualTo("checkout");
		assertThat(shipping.getBean(DaprSidecar.class).appId()).isEqualTo("shipping");
		RestClient http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + checkout.getEnvironment().getProperty("local.server.port"))
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();

		ResponseEntity<Map<String, Object>> paid = http.post()
			.uri("/checkouts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("item", "book", "quantity", 3))
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		// The quote came from shipping, through both sidecars: 4.90 + 3 × 0.50.
		assertThat(paid.getBody()).containsEntry("status", "PAID")
			.containsEntry("shippingCost", 6.40)
			.containsEntry("deliveryDays", 2);
		String orderId = (String) paid.getBody().get("orderId");

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			ResponseEntity<Map<String, Object>> shipment = http.get()
				.uri("/checkouts/{orderId}/shipment", orderId)
				.retrieve()
				.toEntity(new ParameterizedTypeReference<>() {
				});
			assertThat(shipment.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(shipment.getBody()).containsEntry("orderId", orderId)
				.containsEntry("status", "SCHEDULED")
				.containsEntry("quantity", 3)
				.containsEntry("carrierAccount", "ACME-0042");
		});
	}

}
