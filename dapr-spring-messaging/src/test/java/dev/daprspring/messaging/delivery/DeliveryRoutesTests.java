package dev.daprspring.messaging.delivery;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.TopicHandlerMethodFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link DeliveryRoutes}: a route per endpoint, named by pub/sub, topic and rule, each
 * with a listener built once when its endpoint is registered and chosen by its kind.
 */
class DeliveryRoutesTests {

	private static final JsonMapper JSON = new JsonMapper();

	private final Handlers handlers = new Handlers();

	private final TopicEndpointRegistry registry = new TopicEndpointRegistry();

	private final List<TopicEndpoint> created = new ArrayList<>();

	private final TopicEventListenerFactory listeners = new TopicEventListenerFactory(
			TopicHandlerMethodFactory.create(JSON), new CloudEventDataConverter(JSON), new DefaultTopicErrorHandler()) {

		@Override
		public TopicEventListener create(TopicEndpoint endpoint) {
			DeliveryRoutesTests.this.created.add(endpoint);
			return super.create(endpoint);
		}

	};

	@Test
	void theDefaultHandlerIsRoutedByPubsubAndTopicAndEachRuleByItsPlaceInPriorityOrder() throws Exception {
		TopicEndpoint other = endpoint("shapes", null, 0, "other");
		TopicEndpoint square = endpoint("shapes", "event.type == 'square'", 2, "square");
		TopicEndpoint circle = endpoint("shapes", "event.type == 'circle'", 1, "circle");
		this.registry.register(other);
		this.registry.register(square);
		DeliveryRoutes routes = new DeliveryRoutes(this.registry, this.listeners);
		this.registry.register(circle);
		DeliveryRoutes.Snapshot snapshot = routes.snapshot();
		assertThat(snapshot.subscriptions()).singleElement()
			.satisfies((subscription) -> assertThat(subscription.rules()).containsExactly(circle, square));
		assertThat(snapshot.defaultRoute("pubsub", "shapes").endpoint()).isSameAs(other);
		assertThat(snapshot.route("pubsub/shapes/rule-0").endpoint()).isSameAs(circle);
		assertThat(snapshot.route("pubsub/shapes/rule-1").endpoint()).isSameAs(square);
		assertThat(snapshot.routeOf(square).name()).isEqualTo("pubsub/shapes/rule-1");
		assertThat(snapshot.route("pubsub/circles")).isNull();
	}

	@Test
	void eachEndpointsListenerIsBuiltOnceAtRegistrationAndKeptAcrossLaterRegistrations() throws Exception {
		TopicEndpoint orders = endpoint("orders", null, 0, "other");
		this.registry.register(orders);
		DeliveryRoutes routes = new DeliveryRoutes(this.registry, this.listeners);
		TopicEventListener first = routes.snapshot().routeOf(orders).listener();
		this.registry.register(endpoint("invoices", null, 0, "other"));
		assertThat(routes.snapshot().routeOf(orders).listener()).isSameAs(first);
		assertThat(this.created).hasSize(2);
		assertThat(routes.snapshot().route("pubsub/orders").listener()
			.onEvent(new IncomingEvent("pubsub", "orders", "o-1".getBytes(StandardCharsets.UTF_8), Map.of())))
			.isEqualTo(TopicEventStatus.SUCCESS);
		assertThat(this.handlers.received).containsExactly("other:o-1");
	}

	@Test
	void aBulkEndpointGetsABatchListenerAndAnyOtherASingleEventListener() throws Exception {
		Method orders = Handlers.class.getDeclaredMethod("orders", List.class);
		TopicEndpoint bulk = new TopicEndpoint("pubsub", "orders", null, 0, null, Map.of(), false, this.handlers,
				orders, 0, BulkSubscribe.DEFAULTS);
		TopicEndpoint single = endpoint("invoices", null, 0, "other");
		DeliveryRoutes routes = new DeliveryRoutes(this.registry, this.listeners);
		this.registry.register(bulk);
		this.registry.register(single);
		assertThat(routes.snapshot().routeOf(bulk).listener()).isInstanceOf(BatchEventListener.class);
		assertThat(routes.snapshot().routeOf(single).listener()).isInstanceOf(SingleEventListener.class);
	}

	@Test
	void theBasePathIsNormalizedAndMustNotBeTheRoot() {
		assertThat(DeliveryRoutes.normalize(" dapr/topics/ ")).isEqualTo("/dapr/topics");
		assertThatIllegalArgumentException().isThrownBy(() -> DeliveryRoutes.normalize("/"))
			.withMessageContaining("base path must not be the root");
	}

	private TopicEndpoint endpoint(String topic, String match, int priority, String method) throws Exception {
		return new TopicEndpoint("pubsub", topic, match, priority, null, Map.of(), false, this.handlers,
				Handlers.class.getDeclaredMethod(method, String.class));
	}

	static class Handlers {

		final List<String> received = new ArrayList<>();

		void other(String data) {
			this.received.add("other:" + data);
		}

		void circle(String data) {
			this.received.add("circle:" + data);
		}

		void square(String data) {
			this.received.add("square:" + data);
		}

		void orders(List<String> data) {
			this.received.add("orders:" + data);
		}

	}

}
