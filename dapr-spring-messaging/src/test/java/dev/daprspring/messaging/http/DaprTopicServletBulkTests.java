package dev.daprspring.messaging.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.messaging.delivery.DefaultTopicErrorHandler;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.delivery.TopicEventListenerFactory;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.TopicHandlerMethodFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for bulk subscriptions in {@link DaprTopicServlet}: the {@code bulkSubscribe}
 * entry of {@code /dapr/subscribe} and the per-entry statuses of a batch. The path through
 * a real daprd is covered by the auto-configuration's {@code BulkTopicIntegrationTests}.
 * Also that the routes served are those of the subscriptions last published.
 */
class DaprTopicServletBulkTests {

	private static final JsonMapper JSON = new JsonMapper();

	private final Handlers handlers = new Handlers();

	private final TopicEndpointRegistry registry = new TopicEndpointRegistry();

	private final DaprTopicServlet servlet;

	DaprTopicServletBulkTests() {
		register("orders", "orders", new BulkSubscribe(50, 250));
		register("events", "events", BulkSubscribe.DEFAULTS);
		register("failing", "failing", BulkSubscribe.DEFAULTS);
		register("positional", "positional", BulkSubscribe.DEFAULTS);
		TopicEventListenerFactory listeners = new TopicEventListenerFactory(TopicHandlerMethodFactory.create(JSON),
				new CloudEventDataConverter(JSON), new DefaultTopicErrorHandler());
		this.servlet = new DaprTopicServlet(new DeliveryRoutes(this.registry, listeners), JSON, "/dapr/topics");
	}

	@Test
	void theSubscribeDocumentEnablesBulkWithTheConfiguredSizeAndWaitOnlyWhereSet() throws Exception {
		JsonNode document = JSON.readTree(call("GET", "/dapr/subscribe", "").getContentAsByteArray());
		JsonNode orders = subscription(document, "orders").path("bulkSubscribe");
		assertThat(orders.path("enabled").asBoolean()).isTrue();
		assertThat(orders.path("maxMessagesCount").asInt()).isEqualTo(50);
		assertThat(orders.path("maxAwaitDurationMs").asInt()).isEqualTo(250);
		JsonNode events = subscription(document, "events").path("bulkSubscribe");
		assertThat(events.path("enabled").asBoolean()).isTrue();
		assertThat(events.has("maxMessagesCount")).isFalse();
		assertThat(events.has("maxAwaitDurationMs")).isFalse();
	}

	@Test
	void aBatchIsConvertedPerEntryAndAnEntryThatCannotBeConvertedIsDroppedWhileTheOthersSucceed() throws Exception {
		JsonNode answer = post("orders", entry("e-1", "c-1", "{\"id\":\"o-1\",\"quantity\":1}"),
				entry("e-2", "c-2", "\"not an order\""), entry("e-3", "c-3", "{\"id\":\"o-3\",\"quantity\":3}"));
		assertThat(statuses(answer)).containsExactly(Map.entry("e-1", "SUCCESS"), Map.entry("e-2", "DROP"),
				Map.entry("e-3", "SUCCESS"));
		assertThat(this.handlers.orders).containsExactly(new Order("o-1", 1), new Order("o-3", 3));
	}

	@Test
	void aMapResultGivesStatusesByCloudEventIdAndLeavesTheOthersSuccessful() throws Exception {
		JsonNode answer = post("events", entry("e-1", "c-1", "\"keep\""), entry("e-2", "c-2", "\"drop\""));
		assertThat(statuses(answer)).containsExactly(Map.entry("e-1", "SUCCESS"), Map.entry("e-2", "DROP"));
	}

	@Test
	void aListResultGivesStatusesInTheOrderOfTheEvents() throws Exception {
		JsonNode answer = post("positional", entry("e-1", "c-1", "\"a\""), entry("e-2", "c-2", "\"b\""));
		assertThat(statuses(answer)).containsExactly(Map.entry("e-1", "RETRY"), Map.entry("e-2", "SUCCESS"));
	}

	@Test
	void aHandlerThatThrowsRetriesEveryEntry() throws Exception {
		JsonNode answer = post("failing", entry("e-1", "c-1", "\"a\""), entry("e-2", "c-2", "\"b\""));
		assertThat(statuses(answer)).containsExactly(Map.entry("e-1", "RETRY"), Map.entry("e-2", "RETRY"));
	}

	@Test
	void aSingleEventPostedToABulkRouteIsHandledAsABatchOfOne() throws Exception {
		MockHttpServletResponse response = call("POST", route("orders"),
				"{\"id\":\"c-9\",\"specversion\":\"1.0\",\"data\":{\"id\":\"o-9\",\"quantity\":9}}");
		assertThat(JSON.readTree(response.getContentAsByteArray()).path("status").asString()).isEqualTo("SUCCESS");
		assertThat(this.handlers.orders).containsExactly(new Order("o-9", 9));
	}

	@Test
	void aHandlerRegisteredAfterTheFirstDeliveryIsRoutedAsSoonAsItIsSubscribed() throws Exception {
		post("orders", entry("e-1", "c-1", "{\"id\":\"o-1\",\"quantity\":1}"));
		register("late", "orders", BulkSubscribe.DEFAULTS);
		// route() reads /dapr/subscribe, as daprd does: the document lists the late handler, so it must be served.
		JsonNode answer = post("late", entry("e-2", "c-2", "{\"id\":\"o-2\",\"quantity\":2}"));
		assertThat(statuses(answer)).containsExactly(Map.entry("e-2", "SUCCESS"));
		assertThat(this.handlers.orders).containsExactly(new Order("o-1", 1), new Order("o-2", 2));
	}

	private JsonNode post(String topic, String... entries) throws Exception {
		String body = "{\"id\":\"b-1\",\"topic\":\"" + topic + "\",\"pubsubname\":\"pubsub\",\"entries\":["
				+ String.join(",", entries) + "]}";
		MockHttpServletResponse response = call("POST", route(topic), body);
		assertThat(response.getStatus()).isEqualTo(200);
		return JSON.readTree(response.getContentAsByteArray());
	}

	private String route(String topic) throws Exception {
		JsonNode document = JSON.readTree(call("GET", "/dapr/subscribe", "").getContentAsByteArray());
		return subscription(document, topic).path("routes").path("default").asString();
	}

	private static String entry(String entryId, String eventId, String data) {
		return "{\"entryId\":\"" + entryId + "\",\"contentType\":\"application/cloudevents+json\",\"event\":{\"id\":\""
				+ eventId + "\",\"specversion\":\"1.0\",\"source\":\"test\",\"type\":\"t\",\"data\":" + data + "}}";
	}

	private static List<Map.Entry<String, String>> statuses(JsonNode answer) {
		List<Map.Entry<String, String>> statuses = new ArrayList<>();
		answer.path("statuses")
			.forEach((status) -> statuses
				.add(Map.entry(status.path("entryId").asString(), status.path("status").asString())));
		return statuses;
	}

	private static JsonNode subscription(JsonNode document, String topic) {
		for (JsonNode subscription : document) {
			if (topic.equals(subscription.path("topic").asString())) {
				return subscription;
			}
		}
		throw new AssertionError("No subscription to " + topic + " in " + document);
	}

	private void register(String topic, String method, BulkSubscribe bulk) {
		this.registry.register(new TopicEndpoint("pubsub", topic, null, 0, null, Map.of(), false, this.handlers,
				ReflectionUtils.findMethod(Handlers.class, method, List.class), 0, bulk));
	}

	private MockHttpServletResponse call(String method, String path, String body) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		return response;
	}

	record Order(String id, int quantity) {
	}

	static class Handlers {

		final List<Order> orders = new ArrayList<>();

		void orders(List<Order> orders) {
			this.orders.addAll(orders);
		}

		Map<String, TopicEventStatus> events(List<CloudEvent<String>> events) {
			Map<String, TopicEventStatus> statuses = new HashMap<>();
			events.stream()
				.filter((event) -> "drop".equals(event.data()))
				.forEach((event) -> statuses.put(event.id(), TopicEventStatus.DROP));
			return statuses;
		}

		List<TopicEventStatus> positional(List<String> texts) {
			return texts.stream().map((text) -> "a".equals(text) ? TopicEventStatus.RETRY : TopicEventStatus.SUCCESS)
				.toList();
		}

		void failing(List<String> texts) {
			throw new IllegalStateException("store unavailable (test)");
		}

	}

}
