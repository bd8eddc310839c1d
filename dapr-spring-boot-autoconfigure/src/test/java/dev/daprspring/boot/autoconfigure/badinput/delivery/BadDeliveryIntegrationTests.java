package dev.daprspring.boot.autoconfigure.badinput.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.autoconfigure.badinput.Sentinel;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad deliveries to a {@code @Topic} handler over the HTTP app channel, from the launched
 * sidecar (which sends the app API token; bad events published raw by a client through it)
 * and by hand: each is refused or dropped with a log line that names the problem, and
 * events after it are still handled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.sidecar.app-api-token=" + BadDeliveryIntegrationTests.TOKEN,
				"dapr.app.max-body-size=64KB" })
@ExtendWith(OutputCaptureExtension.class)
class BadDeliveryIntegrationTests {

	static final String TOKEN = "app-token-1";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	DaprOperations dapr;

	@Autowired
	OrderHandler handler;

	@Autowired
	DaprSidecar sidecar;

	@LocalServerPort
	int port;

	@BeforeEach
	void storeSentinel() {
		Sentinel.store(this.dapr, "statestore");
	}

	@AfterEach
	void sentinelIsIntactAndGoodEventsStillFlow() {
		Sentinel.assertIntact(this.dapr, "statestore");
		String id = "after-" + System.nanoTime();
		this.dapr.pubsub().publish("orders", new Order(id, 1));
		await().atMost(PATIENCE).until(() -> this.handler.orders.contains(new Order(id, 1)));
	}

	@Test
	void malformedCloudEventJsonIsDroppedNamingTheEventTypeExpected(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = post("{\"specversion\":\"1.0\",\"id\":\"broken-1\",\"data\":{\"id\":", TOKEN);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"status\":\"DROP\"}");
		assertThat(output)
			.contains("Dropping an event without a CloudEvent id (a raw payload, or a body that is not a CloudEvent) "
					+ "of topic 'orders'")
			.contains("OrderHandler.placed(Order) cannot handle it")
			.contains("is not JSON of type " + Order.class.getName() + ": Unexpected end-of-input");
	}

	@Test
	void malformedCloudEventJsonPublishedRawThroughTheSidecarIsRefusedByDaprdItself() {
		// A client publishes bytes that only look like a CloudEvent; daprd parses the envelope before delivering.
		this.dapr.pubsub()
			.publish("orders", "{\"specversion\":\"1.0\",\"id\":\"raw-broken-1\",\"data\":{\"id\":",
					PublishOptions.none().withRawPayload(true).withContentType("application/json"));
		await().atMost(PATIENCE)
			.until(() -> sidecarLog().contains("error deserializing cloud event in pubsub pubsub and topic orders: "
					+ "unexpected end of JSON input"));
		assertThat(this.handler.orders).noneMatch((order) -> order.id().startsWith("raw-broken"));
	}

	@Test
	void aCloudEventPublishedRawWhoseDataIsNotTheTypeIsDeliveredByDaprdAndDropped(CapturedOutput output) {
		this.dapr.pubsub()
			.publish("orders", "{\"specversion\":\"1.0\",\"id\":\"raw-wrong-1\",\"source\":\"test\","
					+ "\"type\":\"t\",\"datacontenttype\":\"application/json\",\"data\":\"not an order\"}",
					PublishOptions.none().withRawPayload(true).withContentType("application/json"));
		await().atMost(PATIENCE)
			.until(() -> sidecarLog().contains("DROP status returned from app while processing pub/sub event "
					+ "raw-wrong-1"));
		assertThat(output).contains("Dropping event 'raw-wrong-1' of topic 'orders'")
			.contains("is not JSON of type " + Order.class.getName());
	}

	@Test
	void wrongContentTypeIsDroppedNamingTheContentTypeAndTheTypeExpected(CapturedOutput output) {
		this.dapr.pubsub()
			.publish("orders", "<order id=\"x-1\"/>",
					PublishOptions.none().withContentType("application/xml").withId("xml-1"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(output).contains("Dropping")
				.contains("event 'xml-1' (application/xml) is not JSON of type " + Order.class.getName()));
		assertThat(this.handler.orders).noneMatch((order) -> order.id().equals("x-1"));
	}

	@Test
	void anEventLargerThanTheAppsMaxBodySizeIsAnswered413NamingThePropertyAndNotHandled(CapturedOutput output) {
		String large = "x".repeat(100 * 1024);
		this.dapr.pubsub().publish("orders", new Order(large, 1), PublishOptions.none().withId("large-1"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(output).contains("The body of POST /dapr/topics/pubsub/orders (")
				.contains("is larger than the 65536 bytes the app accepts (dapr.app.max-body-size, which should "
						+ "equal the sidecar's --max-body-size); it was not handled"));
		assertThat(this.handler.orders).noneMatch((order) -> order.id().equals(large));
	}

	@Test
	void aHandBuiltBodyAboveTheLimitIsAnswered413WithTheReason() throws Exception {
		HttpResponse<String> answer = post("{\"specversion\":\"1.0\",\"id\":\"big-1\",\"data\":{\"id\":\""
				+ "y".repeat(70 * 1024) + "\"}}", TOKEN);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("is larger than the 65536 bytes the app accepts (dapr.app.max-body-size");
	}

	@Test
	void deliveryWithoutTheAppTokenIsRefusedNamingTheProperty(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = post("{\"specversion\":\"1.0\",\"id\":\"forged-1\",\"data\":{\"id\":\"f\"}}",
				null);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(output).contains("it has no dapr-api-token header")
			.contains("the app API token (dapr.app.api-token / APP_API_TOKEN) the sidecar must send");
		assertThat(this.handler.orders).noneMatch((order) -> order.id().equals("f"));
	}

	@Test
	void deliveryWithAnotherTokenIsRefusedWithoutLoggingEitherToken(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = post("{\"specversion\":\"1.0\",\"id\":\"forged-2\",\"data\":{\"id\":\"g\"}}",
				"guessed-token");
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(output).contains("its dapr-api-token header does not match").doesNotContain("guessed-token");
		assertThat(output).doesNotContain(TOKEN);
	}

	private String sidecarLog() throws Exception {
		return Files.readString(this.sidecar.logFile());
	}

	private HttpResponse<String> post(String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/dapr/topics/pubsub/orders"))
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("dapr-api-token", token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	record Order(String id, int quantity) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		OrderHandler orderHandler() {
			return new OrderHandler();
		}

	}

	static class OrderHandler {

		final List<Order> orders = new CopyOnWriteArrayList<>();

		@Topic(name = "orders")
		void placed(Order order) {
			this.orders.add(order);
		}

	}

}
