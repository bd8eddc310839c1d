package dev.daprspring.boot.autoconfigure.idempotency;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.testsupport.Faults;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.idempotency.CloudEventDeduplicator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The de-duplicator on a real daprd (in-memory state store and pub/sub, launched by the
 * application): the same CloudEvent id delivered twice reaches the handler twice and its
 * work runs once. Faults of the sidecar (a lost answer, a failed delete) are injected
 * between the de-duplicator and the real client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.sidecar.app-id=shop",
				"dapr.messaging.idempotency.enabled=true" })
class IdempotentTopicHandlerIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	DaprOperations dapr;

	@Autowired
	PaymentHandler handler;

	@Autowired
	CloudEventDeduplicator deduplicator;

	@Test
	void anEventPublishedTwiceWithTheSameIdIsDeliveredTwiceAndProcessedOnce() {
		PublishOptions sameId = PublishOptions.none().withId("payment-1");
		this.dapr.pubsub().publish("payments", "42.00", sameId);
		this.dapr.pubsub().publish("payments", "42.00", sameId);
		this.dapr.pubsub().publish("payments", "7.00", PublishOptions.none().withId("payment-2"));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.handler.deliveries).hasSize(3));
		assertThat(this.handler.deliveries).containsOnly("payment-1", "payment-2");
		assertThat(this.handler.charged).containsExactlyInAnyOrder("payment-1", "payment-2");
		// The claim is a plain state entry with a TTL, readable by any client.
		assertThat(this.dapr.state().get("processed-event:shop/payment-1", String.class)).get()
			.asString()
			.startsWith("done:");
	}

	@Test
	void workThatThrowsReleasesTheClaimSoTheNextDeliveryRunsItAgain() {
		AtomicInteger attempts = new AtomicInteger();
		Runnable flaky = () -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("bank unavailable (test)");
			}
		};
		assertThatIllegalStateException().isThrownBy(() -> this.deduplicator.runOnce("shop", "refund-1", flaky))
			.withMessage("bank unavailable (test)");
		assertThat(this.deduplicator.runOnce("shop", "refund-1", flaky)).isTrue();
		assertThat(this.deduplicator.runOnce("shop", "refund-1", flaky)).isFalse();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aClaimWhoseSaveIsRetriedAfterItsAnswerWasLostFindsItsOwnWriteAndRunsTheWork() {
		// Each claim is saved twice on the real sidecar: the first attempt wrote, its answer was lost.
		CloudEventDeduplicator retried = new CloudEventDeduplicator(withState((state, method, args) -> {
			if (method.getName().equals("save")) {
				Faults.call(state, method, args);
			}
			return Faults.call(state, method, args);
		}), "statestore", Duration.ofDays(1), "retried:");
		AtomicInteger runs = new AtomicInteger();
		assertThat(retried.runOnce("shop", "lost-answer-1", runs::incrementAndGet)).isTrue();
		assertThat(retried.runOnce("shop", "lost-answer-1", runs::incrementAndGet)).isFalse();
		assertThat(runs).hasValue(1);
	}

	@Test
	void aClaimThatCannotBeReleasedAfterFailedWorkIsTakenOverHereAndExpiresWithItsLeaseElsewhere() {
		CloudEventDeduplicator sidecarDownOnRelease = new CloudEventDeduplicator(withState((state, method, args) -> {
			if (method.getName().equals("delete")) {
				throw new TransientDataAccessResourceException("sidecar unavailable (test)");
			}
			return Faults.call(state, method, args);
		}), "statestore", Duration.ofDays(1), Duration.ofSeconds(1), "unreleased:");
		AtomicInteger runs = new AtomicInteger();
		Runnable failing = () -> {
			runs.incrementAndGet();
			throw new IllegalStateException("bank unavailable (test)");
		};
		assertThatIllegalStateException()
			.isThrownBy(() -> sidecarDownOnRelease.runOnce("shop", "unreleased-1", failing))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(1));
		assertThat(sidecarDownOnRelease.runOnce("shop", "unreleased-1", runs::incrementAndGet)).isTrue();
		assertThat(runs).hasValue(2);
		// Another instance meets a claim that failed and could not be released: it lasts the lease only.
		assertThatIllegalStateException()
			.isThrownBy(() -> sidecarDownOnRelease.runOnce("shop", "unreleased-2", failing));
		CloudEventDeduplicator other = new CloudEventDeduplicator(this.dapr, "statestore", Duration.ofDays(1),
				"unreleased:");
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> other.runOnce("shop", "unreleased-2", runs::incrementAndGet));
		assertThat(runs).hasValue(4);
	}

	@Test
	void concurrentDeliveriesOfOneIdRunTheWorkOnce() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		List<Thread> threads = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 8; i++) {
			Thread thread = new Thread(() -> this.deduplicator.runOnce("shop", "race-1", runs::incrementAndGet));
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(runs).hasValue(1);
	}

	@Test
	void aClaimExpiresAfterItsTtlAndTheIdIsProcessedAgain() {
		CloudEventDeduplicator shortLived = new CloudEventDeduplicator(this.dapr, "statestore", Duration.ofSeconds(1),
				"short:");
		AtomicInteger runs = new AtomicInteger();
		assertThat(shortLived.runOnce("shop", "ttl-1", runs::incrementAndGet)).isTrue();
		assertThat(shortLived.runOnce("shop", "ttl-1", runs::incrementAndGet)).isFalse();
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> shortLived.runOnce("shop", "ttl-1", runs::incrementAndGet));
		assertThat(runs).hasValue(2);
	}

	// The application's client, except that every call to the state store goes through the fault.
	private DaprOperations withState(StateFault fault) {
		return Faults.proxy(DaprOperations.class, (proxy, method, args) -> {
			Object result = Faults.call(this.dapr, method, args);
			return (result instanceof StateOperations state)
					? Faults.proxy(StateOperations.class,
							(stateProxy, stateMethod, stateArgs) -> fault.apply(state, stateMethod, stateArgs))
					: result;
		});
	}

	/** What happens to a call to the state store instead of the call. */
	@FunctionalInterface
	interface StateFault {

		Object apply(StateOperations state, Method method, Object[] args) throws Throwable;

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		PaymentHandler paymentHandler(CloudEventDeduplicator deduplicator) {
			return new PaymentHandler(deduplicator);
		}

	}

	static class PaymentHandler {

		final List<String> deliveries = new CopyOnWriteArrayList<>();

		final List<String> charged = new CopyOnWriteArrayList<>();

		private final CloudEventDeduplicator deduplicator;

		PaymentHandler(CloudEventDeduplicator deduplicator) {
			this.deduplicator = deduplicator;
		}

		@Topic(name = "payments")
		void pay(CloudEvent<String> event) {
			this.deliveries.add(event.id());
			this.deduplicator.runOnce(event, () -> this.charged.add(event.id()));
		}

	}

}
