package dev.daprspring.boot.autoconfigure.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
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
import static org.assertj.core.api.Assertions.fail;

/**
 * Handler tests on {@code pubsub.redis} (a local Redis server, given to the launched sidecar
 * as a component file read from {@code dapr.sidecar.resources-paths}, which a
 * {@code @DynamicPropertySource} sets).
 */
abstract class RedisTopicSuite {

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
			// Short timeouts so that an unacknowledged event is delivered again soon.
			Files.writeString(resources.resolve("pubsub.yaml"), DaprComponents.redisPubSub("pubsub", redis.address())
				.withMetadata("processingTimeout", "1s")
				.withMetadata("redeliverInterval", "1s")
				.toYaml());
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
	void aFailingHandlerAnswersRetryAndTheSidecarKeepsTheEventPending() throws Exception {
		this.dapr.pubsub().publish("flaky", new Order("f-1", 1), PublishOptions.none().withId("flaky-1"));
		CloudEvent<Order> event = this.received.next("flaky");
		assertThat(event.id()).isEqualTo("flaky-1");
		assertThat(awaitSidecarLog("flaky-1", "RETRY")).contains("Error processing Redis message");
	}

	/** A line of the sidecar's log with all the words; fails after a while without one. */
	private String awaitSidecarLog(String... words) throws InterruptedException {
		long deadline = System.nanoTime() + Received.PATIENCE.toNanos();
		String log = "";
		while (System.nanoTime() < deadline) {
			log = sidecar().logTail(200);
			for (String line : log.lines().toList()) {
				if (Arrays.stream(words).allMatch(line::contains)) {
					return line;
				}
			}
			Thread.sleep(200);
		}
		return fail("The sidecar logged no line with " + Arrays.toString(words) + "; its log ends with:\n" + log);
	}

	abstract DaprSidecar sidecar();

	/**
	 * A handler that always fails, and one that never does.
	 */
	static class FlakyHandler {

		private final Received received;

		FlakyHandler(Received received) {
			this.received = received;
		}

		@Topic(name = "flaky")
		void flaky(CloudEvent<Order> event) {
			this.received.add("flaky", event);
			throw new IllegalStateException("warehouse unavailable (test)");
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
