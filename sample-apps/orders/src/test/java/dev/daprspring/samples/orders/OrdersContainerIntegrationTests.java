package dev.daprspring.samples.orders;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.test.testcontainers.DaprContainer;
import dev.daprspring.boot.test.testcontainers.DaprImages;
import dev.daprspring.boot.test.testcontainers.RequiresDockerImages;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample with Docker, as the README's "With Docker" section shows it: daprd and Redis
 * run in containers on one network, the application on the host, connected by
 * {@code @ServiceConnection}.
 */
@RequiresDockerImages({ DaprImages.DAPRD, DaprContainer.PORT_FORWARDING_IMAGE,
		OrdersContainerIntegrationTests.REDIS_IMAGE })
@Testcontainers
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "dapr.sidecar.launch=never", "management.endpoint.health.probes.enabled=true" })
class OrdersContainerIntegrationTests {

	// Any Redis 6 or newer, for example redis:7; this project's CI builds this one from
	// Debian's packages (scripts/docker-images).
	static final String REDIS_IMAGE = "dapr-spring-boot/redis:bookworm";

	// daprd is told the app's port before the application starts.
	static final int APP_PORT = Ports.free();

	static final Network network = Network.newNetwork();

	@Container
	static final GenericContainer<?> redis = new GenericContainer<>(REDIS_IMAGE).withNetwork(network)
		.withNetworkAliases("redis")
		.withExposedPorts(6379);

	@Container
	@ServiceConnection
	static final DaprContainer dapr = new DaprContainer().withAppId("orders")
		.withNetwork(network)
		.dependsOn(redis)
		.withComponent(DaprComponents.redisState("statestore", "redis:6379"))
		.withComponent(DaprComponents.redisPubSub("pubsub", "redis:6379"))
		.withAppPort(APP_PORT)
		.withAppHealthCheck("/actuator/health/liveness");

	@DynamicPropertySource
	static void appPort(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> APP_PORT);
	}

	private final RestClient http = RestClient.create("http://127.0.0.1:" + APP_PORT);

	@Test
	void anOrderIsStoredInRedisAndConfirmedByItsEventThroughRedisPubSub() throws Exception {
		Map<String, Object> placed = this.http.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("item", "book", "quantity", 2))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		String id = (String) placed.get("id");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.http.get().uri("/orders/{id}", id).retrieve().body(Map.class))
				.containsEntry("status", "CONFIRMED"));
		// The order is in the Redis container, under the sidecar's app id.
		assertThat(redis.execInContainer("redis-cli", "--scan", "--pattern", "orders||*").getStdout()).contains(id);
		// Its OrderPlaced event went through the topic's Redis stream.
		assertThat(redis.execInContainer("redis-cli", "XLEN", OrderPlaced.TOPIC).getStdout().trim()).isEqualTo("1");
	}

}
