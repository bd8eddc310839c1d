package dev.daprspring.boot.autoconfigure.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription declared in {@code dapr.messaging.subscriptions} is published in
 * {@code /dapr/subscribe} next to the {@code @Topic} ones, and a real sidecar delivers its
 * events to the application's own route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.messaging.subscriptions[0].topic=declared-orders",
				"dapr.messaging.subscriptions[0].route=/declared/orders",
				"dapr.messaging.subscriptions[0].dead-letter-topic=declared-dead" })
class DeclaredSubscriptionIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@LocalServerPort
	int port;

	@Test
	void theSidecarDeliversEventsOfADeclaredSubscriptionToTheApplicationsRoute() throws Exception {
		this.dapr.pubsub().publish("declared-orders", new Order("d-1", 3));
		String body = this.received.next("declared-orders");
		assertThat(body).contains("\"id\":\"d-1\"").contains("\"topic\":\"declared-orders\"");
	}

	@Test
	void theDeclaredSubscriptionIsPublishedAfterTheTopicOnes() throws Exception {
		HttpResponse<String> document = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/dapr/subscribe")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(document.body()).contains("\"topic\":\"annotated-orders\"")
			.contains("{\"pubsubname\":\"pubsub\",\"topic\":\"declared-orders\",\"route\":\"/declared/orders\","
					+ "\"metadata\":{},\"deadLetterTopic\":\"declared-dead\"}");
		assertThat(document.body().indexOf("annotated-orders")).isLessThan(document.body().indexOf("declared-orders"));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		Received received() {
			return new Received();
		}

		@Bean
		OrdersController ordersController(Received received) {
			return new OrdersController(received);
		}

		@Bean
		AnnotatedHandlers annotatedHandlers() {
			return new AnnotatedHandlers();
		}

	}

	/**
	 * The application's own route for the declared subscription.
	 */
	@RestController
	static class OrdersController {

		private final Received received;

		OrdersController(Received received) {
			this.received = received;
		}

		@PostMapping("/declared/orders")
		void order(@RequestBody String cloudEvent) {
			this.received.add("declared-orders", cloudEvent);
		}

	}

	static class AnnotatedHandlers {

		@Topic(name = "annotated-orders")
		void order(Order order) {
		}

	}

}
