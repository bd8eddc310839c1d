package dev.daprspring.boot.autoconfigure.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handlers retried inside the application on a real daprd whose pub/sub (in-memory) never
 * delivers an event again after RETRY: a handler that fails twice succeeds on its third call;
 * an IllegalArgumentException is not retried; a handler that keeps failing is called 1 + 3
 * times and its event then goes to the dead-letter topic (failure-status DROP).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.messaging.retry.max-retries=3",
				"dapr.messaging.retry.delay=50ms", "dapr.messaging.failure-status=DROP" })
class HandlerRetryIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@Autowired
	Flaky flaky;

	@Test
	void aHandlerThatFailsTwiceIsCalledAgainInsideTheAppAndSucceeds() throws Exception {
		this.dapr.pubsub().publish("retry-flaky", new Order("r-1", 1));
		assertThat(this.received.<Order>next("retry-flaky")).isEqualTo(new Order("r-1", 1));
		assertThat(this.flaky.calls.get()).isEqualTo(3);
	}

	@Test
	void anIllegalArgumentIsNotRetried() throws Exception {
		this.dapr.pubsub().publish("retry-never", new Order("r-2", 2));
		assertThat(this.received.<Order>next("retry-never-dead")).isEqualTo(new Order("r-2", 2));
		assertThat(this.flaky.refusals.get()).isEqualTo(1);
	}

	@Test
	void aHandlerThatKeepsFailingIsTriedFourTimesAndItsEventIsDeadLettered() throws Exception {
		this.dapr.pubsub().publish("retry-broken", new Order("r-3", 3));
		assertThat(this.received.<Order>next("retry-broken-dead")).isEqualTo(new Order("r-3", 3));
		await().untilAsserted(() -> assertThat(this.flaky.failures.get()).isEqualTo(4));
	}

	static class Flaky {

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger refusals = new AtomicInteger();

		final AtomicInteger failures = new AtomicInteger();

		private final Received received;

		Flaky(Received received) {
			this.received = received;
		}

		@Topic(name = "retry-flaky")
		void flaky(Order order) {
			if (this.calls.incrementAndGet() < 3) {
				throw new IllegalStateException("not yet");
			}
			this.received.add("retry-flaky", order);
		}

		@Topic(name = "retry-never", deadLetterTopic = "retry-never-dead")
		void never(Order order) {
			this.refusals.incrementAndGet();
			throw new IllegalArgumentException("order " + order.id() + " is not valid");
		}

		@Topic(name = "retry-never-dead")
		void neverDead(Order order) {
			this.received.add("retry-never-dead", order);
		}

		@Topic(name = "retry-broken", deadLetterTopic = "retry-broken-dead")
		void broken(Order order) {
			this.failures.incrementAndGet();
			throw new IllegalStateException("always broken");
		}

		@Topic(name = "retry-broken-dead")
		void brokenDead(Order order) {
			this.received.add("retry-broken-dead", order);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, Flaky.class })
	static class App {

	}

}
