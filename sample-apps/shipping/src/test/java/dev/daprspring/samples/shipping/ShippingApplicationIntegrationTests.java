package dev.daprspring.samples.shipping;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.metadata.SidecarMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shipping as {@code main} runs it: its own sidecar with the components of
 * {@code sample-apps/components} on a throwaway Redis, carrier credentials imported from the
 * local file secret store through that sidecar.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = "dapr.sidecar.launch=always")
class ShippingApplicationIntegrationTests {

	// The secret import launches the sidecar while configuration is read, before
	// @DynamicPropertySource applies: Redis's address goes in as REDIS_HOST, which
	// shipping.properties reads. The server stops with the JVM (its shutdown hook), after the
	// cached application context and its sidecar.
	static final LocalRedisServer redis = LocalRedisServer.start();

	static {
		System.setProperty("REDIS_HOST", redis.address());
	}

	@LocalServerPort
	int port;

	@Autowired
	DaprSidecar sidecar;

	@Autowired
	DaprOperations dapr;

	@Autowired
	CarrierProperties carrier;

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
	void carrierCredentialsComeFromTheSecretStoreThroughTheLaunchedSidecar() {
		assertThat(this.carrier.account()).isEqualTo("ACME-0042");
		assertThat(this.carrier.apiKey()).isEqualTo("sample-key-not-a-secret");
		assertThat(this.carrier.toString()).doesNotContain(this.carrier.apiKey());
		SidecarMetadata metadata = this.dapr.metadata();
		assertThat(metadata.components()).extracting(SidecarMetadata.Component::name)
			.containsExactlyInAnyOrder("pubsub", "statestore", "shipping-secrets");
		assertThat(this.sidecar.appPort()).isEqualTo(this.port);
	}

	@Test
	void paidOrderBecomesAScheduledShipmentOnTheCarriersAccount() {
		String orderId = UUID.randomUUID().toString();
		this.dapr.pubsub().publish(OrderPaid.TOPIC, new OrderPaid(orderId, "book", 2, new BigDecimal("5.90")));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			ResponseEntity<Map<String, Object>> shipment = get("/shipments/" + orderId);
			assertThat(shipment.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(shipment.getBody()).containsEntry("status", "SCHEDULED")
				.containsEntry("item", "book")
				.containsEntry("quantity", 2)
				.containsEntry("carrierAccount", "ACME-0042");
		});
	}

	@Test
	void anOrderThatCannotShipGoesToTheDeadLetterTopic() {
		String orderId = UUID.randomUUID().toString();
		this.dapr.pubsub().publish(OrderPaid.TOPIC, new OrderPaid(orderId, "book", 0, BigDecimal.ONE));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.http.get()
				.uri("/shipments/dead-letters")
				.retrieve()
				.body(new ParameterizedTypeReference<List<String>>() {
				})).anySatisfy((event) -> assertThat(event).contains(orderId)));
		assertThat(get("/shipments/" + orderId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void quotesByQuantityAndRejectsANonPositiveOne() {
		ResponseEntity<Map<String, Object>> quote = post("/quotes", Map.of("item", "book", "quantity", 2));
		assertThat(quote.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(quote.getBody()).containsEntry("cost", 5.90).containsEntry("days", 2);
		ResponseEntity<Map<String, Object>> rejected = post("/quotes", Map.of("item", "book", "quantity", -1));
		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rejected.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private ResponseEntity<Map<String, Object>> get(String uri) {
		return this.http.get().uri(uri).retrieve().toEntity(new ParameterizedTypeReference<>() {
		});
	}

	private ResponseEntity<Map<String, Object>> post(String uri, Object body) {
		return this.http.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
	}

}
