package dev.daprspring.boot.autoconfigure.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Topic} handlers over the HTTP app channel: daprd, launched by the application,
 * reads {@code /dapr/subscribe} and posts events to the delivery servlet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "test.topics.orders=orders-from-placeholder" })
class HttpTopicDeliveryIntegrationTests extends TopicHandlersSuite implements RoutingRulesSuite {

	@LocalServerPort
	int port;

	@Override
	String subscriptionType() {
		return "PROGRAMMATIC";
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
	@Import({ HandlersConfiguration.class, RoutingHandlers.class })
	static class App {

	}

}
