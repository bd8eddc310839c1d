package dev.daprspring.boot.autoconfigure.sidecar;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.test.testcontainers.DaprContainer;
import dev.daprspring.boot.test.testcontainers.DaprImages;
import dev.daprspring.boot.test.testcontainers.RequiresDockerImages;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sidecar is a container and the app runs on the host: daprd in the container reaches
 * the app's port through {@code host.testcontainers.internal}, delivers {@code @Topic}
 * events to it and invokes its endpoints.
 */
@RequiresDockerImages({ DaprImages.DAPRD, "testcontainers/sshd:1.3.0" })
@Testcontainers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "dapr.sidecar.launch=never", "management.endpoint.health.probes.enabled=true" })
class DaprContainerAppChannelIntegrationTests {

	// Known before the container starts, so daprd is given the app's port.
	static final int APP_PORT = Ports.free();

	@Container
	@ServiceConnection
	static final DaprContainer dapr = new DaprContainer().withAppId("container-app")
		.withAppPort(APP_PORT)
		// The app starts after its container: daprd subscribes it once it answers healthy.
		.withAppHealthCheck("/actuator/health/liveness")
		.withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("daprd.container-app")))
		.withComponent(DaprComponents.inMemoryPubSub("pubsub"))
		.withComponent(DaprComponents.inMemoryState("statestore"));

	@DynamicPropertySource
	static void appPort(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> APP_PORT);
	}

	@Autowired
	DaprOperations operations;

	@Autowired
	Received received;

	@Test
	void anEventPublishedThroughTheContainerReachesTheTopicHandlerOnTheHost() {
		// daprd subscribes the app at its first healthy probe, up to a second after startup;
		// pubsub.in-memory keeps nothing for a topic nobody subscribed to yet.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.operations.metadata().subscriptions())
				.anySatisfy((subscription) -> assertThat(subscription.topic()).isEqualTo("parcels")));
		this.operations.pubsub("pubsub").publish("parcels", new Parcel("p-1", 3));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.received.parcels)
			.containsExactly(new Parcel("p-1", 3)));
	}

	@Test
	void theContainerInvokesTheAppsEndpointsByItsAppId() {
		String answer = this.operations.restClient("container-app").get().uri("/parcels/p-7").retrieve().body(String.class);
		assertThat(answer).isEqualTo("parcel p-7");
	}

	record Parcel(String id, int weight) {
	}

	static class Received {

		final List<Parcel> parcels = new CopyOnWriteArrayList<>();

		@Topic(pubsub = "pubsub", name = "parcels")
		void parcel(Parcel parcel) {
			this.parcels.add(parcel);
		}

	}

	@RestController
	static class Parcels {

		@GetMapping("/parcels/{id}")
		String parcel(@PathVariable String id) {
			return "parcel " + id;
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		Received received() {
			return new Received();
		}

		@Bean
		Parcels parcels() {
			return new Parcels();
		}

	}

}
