package dev.daprspring.boot.autoconfigure.messaging;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dapr.messaging.failure-status=drop}: a handler's failure sends the event to the
 * dead-letter topic through the real sidecar instead of asking for it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.messaging.failure-status=drop" })
class FailureStatusIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@Test
	void aFailedEventIsDroppedToTheDeadLetterTopic() throws Exception {
		this.dapr.pubsub().publish("invoices", new Order("i-1", 1), PublishOptions.none().withId("invoice-1"));
		assertThat(this.received.<String>next("invoices")).isEqualTo("invoice-1");
		CloudEvent<Order> dead = this.received.next("invoices-dead");
		assertThat(dead.data()).isEqualTo(new Order("i-1", 1));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, InvoiceHandlers.class })
	static class App {

	}

	/**
	 * A handler that always fails, and the handler of its dead-letter topic.
	 */
	static class InvoiceHandlers {

		private final Received received;

		InvoiceHandlers(Received received) {
			this.received = received;
		}

		@Topic(name = "invoices", deadLetterTopic = "invoices-dead")
		void invoice(CloudEvent<Order> event) {
			this.received.add("invoices", event.id());
			throw new IllegalStateException("ledger unavailable (test)");
		}

		@Topic(name = "invoices-dead")
		void deadLetter(CloudEvent<Order> event) {
			this.received.add("invoices-dead", event);
		}

	}

}
