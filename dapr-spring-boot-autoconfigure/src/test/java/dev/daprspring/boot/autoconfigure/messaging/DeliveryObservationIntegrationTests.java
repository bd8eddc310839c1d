package dev.daprspring.boot.autoconfigure.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.delivery.DropMessageException;
import dev.daprspring.messaging.observation.DefaultTopicDeliveryObservationConvention;
import dev.daprspring.messaging.observation.TopicDeliveryObservationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries from a real sidecar are observed in the application's
 * {@link ObservationRegistry}, tagged with pub/sub, topic and outcome, with the event's
 * trace context readable by a tracing handler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dapr.sidecar.launch=always")
class DeliveryObservationIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@LocalServerPort
	int port;

	@Test
	void aHandledEventIsObservedWithOutcomeSuccess() throws Exception {
		this.dapr.pubsub().publish("observed-orders", new Order("o-1", 2), PublishOptions.none().withId("order-1"));
		TopicDeliveryObservationContext context = this.received.next("stopped:observed-orders");
		assertThat(context.getName()).isEqualTo(DefaultTopicDeliveryObservationConvention.NAME);
		assertThat(context.getLowCardinalityKeyValue("pubsub").getValue()).isEqualTo("pubsub");
		assertThat(context.getLowCardinalityKeyValue("topic").getValue()).isEqualTo("observed-orders");
		assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
		assertThat(context.getEvent().id()).isEqualTo("order-1");
	}

	@Test
	void theTraceparentOfADeliveredCloudEventIsWhatTheObservationsCarrierGives() throws Exception {
		// daprd blanks traceparent unless its own tracing is on, so the event is delivered as daprd would post it.
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		HttpRequest delivery = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/dapr/topics/pubsub/observed-orders"))
			.header("Content-Type", CloudEvent.CONTENT_TYPE)
			.POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"id\":\"order-2\",\"source\":\"test\","
					+ "\"type\":\"order.placed\",\"pubsubname\":\"pubsub\",\"topic\":\"observed-orders\","
					+ "\"traceparent\":\"" + traceparent + "\",\"tracestate\":\"\","
					+ "\"datacontenttype\":\"application/json\",\"data\":{\"id\":\"o-2\",\"quantity\":1}}"))
			.build();
		HttpResponse<String> answer = HttpClient.newHttpClient().send(delivery, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.body()).contains("SUCCESS");
		TopicDeliveryObservationContext context = this.received.next("stopped:observed-orders");
		assertThat(context.getEvent().id()).isEqualTo("order-2");
		// A tracing handler reads these through the getter and continues the publisher's trace.
		assertThat(context.getGetter().get(context.getCarrier(), "traceparent")).isEqualTo(traceparent);
		assertThat(context.getGetter().get(context.getCarrier(), "tracestate")).isNull();
	}

	@Test
	void aDroppedEventIsObservedWithOutcomeDropAndTheHandlersError() throws Exception {
		this.dapr.pubsub().publish("observed-refunds", new Order("r-1", 1));
		TopicDeliveryObservationContext context = this.received.next("stopped:observed-refunds");
		assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("drop");
		assertThat(context.getError()).isInstanceOf(DropMessageException.class)
			.hasMessage("refunds are closed (test)");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		Received received() {
			return new Received();
		}

		@Bean
		TestObservationRegistry observationRegistry(Received received) {
			TestObservationRegistry registry = TestObservationRegistry.create();
			registry.observationConfig().observationHandler(new StoppedDeliveries(received));
			return registry;
		}

		@Bean
		ObservedHandlers observedHandlers() {
			return new ObservedHandlers();
		}

	}

	/**
	 * Hands each stopped delivery observation to the test, so it reads the tags only once
	 * they are final.
	 */
	static class StoppedDeliveries implements ObservationHandler<TopicDeliveryObservationContext> {

		private final Received received;

		StoppedDeliveries(Received received) {
			this.received = received;
		}

		@Override
		public void onStop(TopicDeliveryObservationContext context) {
			this.received.add("stopped:" + context.getEvent().topic(), context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof TopicDeliveryObservationContext;
		}

	}

	static class ObservedHandlers {

		@Topic(name = "observed-orders")
		void order(Order order) {
		}

		@Topic(name = "observed-refunds")
		void refund(Order order) {
			throw new DropMessageException("refunds are closed (test)");
		}

	}

}
