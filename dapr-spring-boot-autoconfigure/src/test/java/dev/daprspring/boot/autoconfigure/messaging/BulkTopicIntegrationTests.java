package dev.daprspring.boot.autoconfigure.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.BulkPublishResult;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk subscriptions over the HTTP app channel with a real sidecar: the app publishes
 * {@code bulkSubscribe}, the sidecar posts batches, the handler gets a {@code List} and
 * an entry that cannot be converted is dropped to the dead-letter topic while the others
 * succeed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "test.bulk.max=10" })
class BulkTopicIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@Test
	void publishedAndBulkPublishedEventsReachTheBulkHandlerAndAMalformedOneIsDeadLettered() throws Exception {
		BulkPublishResult result = this.dapr.pubsub()
			.publishAll("bulk-orders", List.of(new Order("b-1", 1), new Order("b-2", 2), new Order("b-3", 3)));
		assertThat(result.failedEntries()).isEmpty();
		this.dapr.pubsub().publish("bulk-orders", new Order("b-4", 4));
		this.dapr.pubsub().publish("bulk-orders", "not an order");
		this.dapr.pubsub().publish("bulk-orders", new Order("b-5", 5));
		Set<Order> orders = new HashSet<>();
		while (orders.size() < 5) {
			List<Order> batch = this.received.next("bulk-orders");
			orders.addAll(batch);
		}
		assertThat(orders).containsExactlyInAnyOrder(new Order("b-1", 1), new Order("b-2", 2), new Order("b-3", 3),
				new Order("b-4", 4), new Order("b-5", 5));
		assertThat(this.received.<String>next("bulk-orders-dead")).isEqualTo("not an order");
	}

	@Test
	void aBulkHandlerTakingCloudEventsGetsTheEnvelopesAndGivesAStatusPerEvent() throws Exception {
		this.dapr.pubsub().publishAll("bulk-events", List.of("keep-1", "retry-never", "keep-2"));
		List<String> kept = new ArrayList<>();
		while (kept.size() < 2) {
			kept.addAll(this.received.next("bulk-events"));
		}
		assertThat(kept).containsExactlyInAnyOrder("keep-1", "keep-2");
		assertThat(this.received.<String>next("bulk-events-dead")).isEqualTo("retry-never");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, BulkHandlers.class })
	static class App {

	}

	/**
	 * Bulk handlers and the handlers of their dead-letter topics.
	 */
	static class BulkHandlers {

		private final Received received;

		BulkHandlers(Received received) {
			this.received = received;
		}

		@Topic(name = "bulk-orders", deadLetterTopic = "bulk-orders-dead", bulk = "true",
				bulkMaxMessages = "${test.bulk.max}", bulkMaxAwaitMs = "100")
		void orders(List<Order> orders) {
			this.received.add("bulk-orders", List.copyOf(orders));
		}

		@Topic(name = "bulk-orders-dead")
		void deadOrder(String text) {
			this.received.add("bulk-orders-dead", text);
		}

		// Drops the events it does not want by their CloudEvent id.
		@Topic(name = "bulk-events", deadLetterTopic = "bulk-events-dead", bulk = "true", bulkMaxAwaitMs = "100")
		Map<String, TopicEventStatus> events(
				List<CloudEvent<String>> events) {
			Map<String, TopicEventStatus> statuses = new HashMap<>();
			List<String> kept = new ArrayList<>();
			for (CloudEvent<String> event : events) {
				if (event.data().startsWith("keep")) {
					kept.add(event.data());
				}
				else {
					statuses.put(event.id(), TopicEventStatus.DROP);
				}
			}
			this.received.add("bulk-events", kept);
			return statuses;
		}

		@Topic(name = "bulk-events-dead")
		void deadEvent(String text) {
			this.received.add("bulk-events-dead", text);
		}

	}

}
