package dev.daprspring.boot.autoconfigure.messaging;

import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.handler.DaprHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Cloud Function beans bound to topics by properties, on daprd launched by the
 * application: a Function's result reaches the output topic in the trace of the event
 * it answered, and a Consumer receives its topic's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.function.bindings.invoice.input-topic=orders",
				"dapr.function.bindings.invoice.output-topic=invoices",
				"dapr.function.bindings.audit.input-topic=audit-log", "dapr.function.bindings.audit.pubsub=pubsub" })
class FunctionBridgeIntegrationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@Test
	void anOrderPublishedToTheInputTopicComesBackAsAnInvoiceOnTheOutputTopicInTheSameTrace() throws Exception {
		this.dapr.pubsub()
			.publish("orders", new Order("o-1", 3), PublishOptions.none()
				.withMetadata("cloudevent.traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
		Traced invoice = this.received.next("invoices");
		assertThat(invoice.invoice()).isEqualTo(new Invoice("o-1", 30));
		assertThat(invoice.traceparent()).contains(TRACE_ID);
	}

	@Test
	void aConsumerBoundToATopicReceivesItsEvents() throws Exception {
		this.dapr.pubsub().publish("audit-log", "order o-2 placed");
		assertThat(this.received.<String>next("audit-log")).isEqualTo("order o-2 placed");
	}

	record Invoice(String orderId, int amount) {
	}

	record Traced(Invoice invoice, String traceparent) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Received received() {
			return new Received();
		}

		@Bean
		Function<Order, Invoice> invoice() {
			return (order) -> new Invoice(order.id(), order.quantity() * 10);
		}

		@Bean
		Consumer<String> audit(Received received) {
			return (line) -> received.add("audit-log", line);
		}

		@Bean
		InvoiceHandler invoiceHandler(Received received) {
			return new InvoiceHandler(received);
		}

	}

	static class InvoiceHandler {

		private final Received received;

		InvoiceHandler(Received received) {
			this.received = received;
		}

		@Topic(name = "invoices")
		void invoice(Invoice invoice, @Header(DaprHeaders.TRACEPARENT) String traceparent) {
			this.received.add("invoices", new Traced(invoice, traceparent));
		}

	}

}
