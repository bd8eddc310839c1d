package dev.daprspring.messaging.http;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicSubscription;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SubscriptionVerifierTests {

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void subscriptionsTheSidecarListsAreFine(CapturedOutput output) throws Exception {
		SubscriptionVerifier verifier = verifier(List.of(subscribed("pubsub", "shapes")));
		assertThat(verifier.check(List.of(subscription("event.type == \"circle\"")))).isEmpty();
		assertThat(output).doesNotContain("did not subscribe");
	}

	@Test
	void subscriptionsMissingAfterThePatienceAreNamedWithTheirMatchRules(CapturedOutput output) throws Exception {
		SubscriptionVerifier verifier = verifier(List.of());
		assertThat(verifier.check(List.of(subscription("event.type == ((")))).containsExactly("pubsub/shapes");
		assertThat(output).contains("did not subscribe to [pubsub/shapes]")
			.contains("a @Topic match that is not valid CEL")
			.contains("'event.type == ((' (SubscriptionVerifierTests.handle(String))")
			.contains("such as event.type == \"order.placed\"");
		assertThat(this.reads).hasValueGreaterThan(1);
	}

	@Test
	void noSidecarToAskReportsNothing(CapturedOutput output) throws Exception {
		SubscriptionVerifier verifier = new SubscriptionVerifier(() -> {
			throw new IllegalStateException("unavailable");
		}, Duration.ofMillis(200), Duration.ofMillis(10));
		assertThat(verifier.check(List.of(subscription(null)))).isEmpty();
		assertThat(output).doesNotContain("did not subscribe");
	}

	@Test
	void readsWhileACheckRunsStartNoFurtherThread() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		SubscriptionVerifier verifier = new SubscriptionVerifier(() -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("unavailable");
		}, Duration.ofSeconds(10), Duration.ofMillis(10));
		try {
			for (int i = 0; i < 5; i++) {
				verifier.subscriptionsRead(List.of(subscription(null)));
			}
			// Each started check blocks in the metadata read until released, so every one is still alive.
			assertThat(Thread.getAllStackTraces().keySet())
				.filteredOn((thread) -> thread.getName().equals("dapr-subscription-check"))
				.hasSize(1);
		}
		finally {
			release.countDown();
		}
	}

	private SubscriptionVerifier verifier(List<SidecarMetadata.Subscription> subscriptions) {
		return new SubscriptionVerifier(() -> {
			this.reads.incrementAndGet();
			return new SidecarMetadata("app", "1.17.5", List.of(), subscriptions, null, "DISABLED", List.of(),
					Map.of());
		}, Duration.ofMillis(200), Duration.ofMillis(10));
	}

	private static SidecarMetadata.Subscription subscribed(String pubsub, String topic) {
		return new SidecarMetadata.Subscription(pubsub, topic, "", "PROGRAMMATIC", Map.of(), Map.of());
	}

	private TopicSubscription subscription(String match) throws Exception {
		Method method = SubscriptionVerifierTests.class.getDeclaredMethod("handle", String.class);
		TopicEndpoint endpoint = new TopicEndpoint("pubsub", "shapes", match, 0, null, Map.of(), false, this, method);
		return (match != null) ? new TopicSubscription("pubsub", "shapes", null, Map.of(), List.of(endpoint), null)
				: new TopicSubscription("pubsub", "shapes", null, Map.of(), List.of(), endpoint);
	}

	void handle(String shape) {
	}

}
