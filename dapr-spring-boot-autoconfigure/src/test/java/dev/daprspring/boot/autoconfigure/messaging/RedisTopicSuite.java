package dev.daprspring.boot.autoconfigure.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handler tests on {@code pubsub.redis} (a local Redis server, given to the launched sidecar
 * as a component file read from {@code dapr.sidecar.resources-paths}, which a
 * {@code @DynamicPropertySource} sets), with a resiliency policy that retries deliveries
 * the application answers with RETRY.
 */
abstract class RedisTopicSuite {

	private static final String RESILIENCY = """
			apiVersion: dapr.io/v1alpha1
			kind: Resiliency
			metadata:
			  name: pubsub-redelivery
			spec:
			  policies:
			    retries:
			      redeliver:
			        policy: constant
			        duration: 200ms
			        maxRetries: 5
			  targets:
			    components:
			      pubsub:
			        inbound:
			          retry: redeliver
			""";

	static LocalRedisServer redis;

	static Path resources;

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	/** Starts Redis and points the launched sidecar at a component file for it. */
	static void redisPubSub(DynamicPropertyRegistry registry) {
		redis = LocalRedisServer.start();
		try {
			resources = Files.createTempDirectory("dapr-topics-redis");
			// Short timeouts so that an event left unacknowledged (the sidecar stopped mid-delivery) comes back soon.
			Files.writeString(resources.resolve("pubsub.yaml"), DaprComponents.redisPubSub("pubsub", redis.address())
				.withMetadata("processingTimeout", "1s")
				.withMetadata("redeliverInterval", "1s")
				.toYaml());
			// pubsub.redis acknowledges an event even when the app answers RETRY: only a resiliency
			// policy on the component's inbound side makes the sidecar deliver it again.
			Files.writeString(resources.resolve("resiliency.yaml"), RESILIENCY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		registry.add("dapr.sidecar.resources-paths", resources::toString);
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
		if (resources != null) {
			FileSystemUtils.deleteRecursively(resources.toFile());
		}
	}

	@Test
	void aFailingHandlerAnswersRetryAndTheSidecarDeliversTheSameEventAgainUntilItSucceeds() throws Exception {
		this.dapr.pubsub().publish("flaky", new Order("f-1", 1), PublishOptions.none().withId("flaky-1"));
		for (int attempt = 1; attempt <= 3; attempt++) {
			CloudEvent<Order> event = this.received.next("flaky");
			assertThat(event.id()).as("delivery %d", attempt).isEqualTo("flaky-1");
			assertThat(event.data()).isEqualTo(new Order("f-1", 1));
		}
		assertThat(this.received.<String>next("flaky-handled")).isEqualTo("flaky-1");
	}

	/**
	 * A handler that fails on the first two deliveries of each event, and one that never fails.
	 */
	static class FlakyHandler {

		private final Received received;

		FlakyHandler(Received received) {
			this.received = received;
		}

		private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

		@Topic(name = "flaky")
		void flaky(CloudEvent<Order> event) {
			this.received.add("flaky", event);
			if (this.deliveries.computeIfAbsent(event.id(), (id) -> new AtomicInteger()).incrementAndGet() <= 2) {
				throw new IllegalStateException("warehouse unavailable (test)");
			}
			this.received.add("flaky-handled", event.id());
		}

		@Topic(name = "steady")
		void steady(Order order) {
			this.received.add("steady", order);
		}

	}

	/** Imported, not nested configuration: the handlers and what they received. */
	static class RedisHandlersConfiguration {

		@Bean
		Received received() {
			return new Received();
		}

		@Bean
		FlakyHandler flakyHandler(Received received) {
			return new FlakyHandler(received);
		}

	}

}
