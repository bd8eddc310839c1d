package dev.daprspring.boot.autoconfigure.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Topic} handlers over the HTTP app channel: daprd, launched by the application,
 * reads {@code /dapr/subscribe} and posts events to the delivery servlet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "test.topics.orders=orders-from-placeholder" })
class HttpTopicDeliveryIntegrationTests extends TopicHandlersSuite {

	@LocalServerPort
	int port;

	@Override
	String subscriptionType() {
		return "PROGRAMMATIC";
	}

	@Test
	void matchRulesRouteEventsByTypeInPriorityOrderAndTheRestGoToTheDefaultHandler() throws Exception {
		this.dapr.pubsub().publish("shapes", new Order("c", 1), PublishOptions.none().withType("circle"));
		assertThat(this.received.<Order>next("circles")).isEqualTo(new Order("c", 1));
		this.dapr.pubsub().publish("shapes", new Order("s", 1), PublishOptions.none().withType("square"));
		assertThat(this.received.<Order>next("squares")).isEqualTo(new Order("s", 1));
		this.dapr.pubsub().publish("shapes", new Order("t", 1), PublishOptions.none().withType("triangle"));
		assertThat(this.received.<Order>next("other-shapes")).isEqualTo(new Order("t", 1));
	}

	@Test
	void aDeliveryToAPathNoHandlerServesIsAnswered404SoTheSidecarDropsIt(CapturedOutput output) throws Exception {
		HttpRequest delivery = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/dapr/topics/pubsub/no-such-topic"))
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"id\":\"lost-1\",\"data\":{}}"))
			.build();
		HttpResponse<String> answer = HttpClient.newHttpClient().send(delivery, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(output).contains("/dapr/topics/pubsub/no-such-topic, which no @Topic handler serves");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(HandlersConfiguration.class)
	static class App {

		@Bean
		RoutingHandlers routingHandlers(Received received) {
			return new RoutingHandlers(received);
		}

	}

	/**
	 * Three handlers of one topic: two rules (a catch-all rule with a higher priority
	 * number is tried after the square rule) and a default.
	 */
	static class RoutingHandlers {

		private final Received received;

		RoutingHandlers(Received received) {
			this.received = received;
		}

		@Topic(name = "shapes", match = "event.type == \"circle\"", priority = "0")
		void circle(Order order) {
			this.received.add("circles", order);
		}

		@Topic(name = "shapes", match = "event.type == \"square\"", priority = "1")
		void square(Order order) {
			this.received.add("squares", order);
		}

		@Topic(name = "shapes")
		void other(Order order) {
			this.received.add("other-shapes", order);
		}

	}

}
