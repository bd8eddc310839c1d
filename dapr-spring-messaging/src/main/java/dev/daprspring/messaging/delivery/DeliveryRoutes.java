package dev.daprspring.messaging.delivery;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.endpoint.TopicSubscription;
import org.springframework.util.Assert;

/**
 * The routes the sidecar delivers to, one per endpoint, each with the endpoint's
 * {@link TopicEventListener}: {@code <pubsub>/<topic>} for a topic's default handler and
 * {@code …/rule-<n>} for its n-th rule, below a transport's base path. The HTTP app channel
 * serves them; over gRPC they are the names the sidecar sends back in each event's
 * {@code path}. Kept current as endpoints are registered: each registration builds the new
 * endpoint's listener and a new {@link Snapshot}, so a transport reads subscriptions and
 * routes that belong together.
 */
public final class DeliveryRoutes {

	private final TopicEndpointRegistry registry;

	private final TopicEventListenerFactory listenerFactory;

	// Written under the registry's lock, at registration.
	private final Map<TopicEndpoint, TopicEventListener> listeners = new IdentityHashMap<>();

	private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());

	/** Routes to the registry's endpoints, those registered now and those registered later. */
	public DeliveryRoutes(TopicEndpointRegistry registry, TopicEventListenerFactory listenerFactory) {
		this.registry = registry;
		this.listenerFactory = listenerFactory;
		registry.onRegistration(this::registered);
	}

	/** The subscriptions and their routes as registered now. */
	public Snapshot snapshot() {
		return this.snapshot;
	}

	private void registered(TopicEndpoint endpoint) {
		this.listeners.put(endpoint, this.listenerFactory.create(endpoint));
		List<TopicSubscription> subscriptions = this.registry.getSubscriptions();
		Map<String, Route> routes = new LinkedHashMap<>();
		for (TopicSubscription subscription : subscriptions) {
			String topicName = subscription.pubsub() + "/" + subscription.topic();
			for (int i = 0; i < subscription.rules().size(); i++) {
				add(routes, topicName + "/rule-" + i, subscription, subscription.rules().get(i));
			}
			TopicEndpoint defaultEndpoint = subscription.defaultEndpoint();
			if (defaultEndpoint != null) {
				add(routes, topicName, subscription, defaultEndpoint);
			}
		}
		this.snapshot = new Snapshot(subscriptions, routes);
	}

	private void add(Map<String, Route> routes, String name, TopicSubscription subscription,
			TopicEndpoint endpoint) {
		Route existing = routes.putIfAbsent(name, new Route(name, subscription, endpoint, this.listeners.get(endpoint)));
		Assert.state(existing == null, () -> "Handlers " + existing.endpoint().describe() + " and "
				+ endpoint.describe() + " would both be delivered to " + name + "; rename one of the topics");
	}

	/** The base path with one leading and no trailing slash. */
	public static String normalize(String basePath) {
		String trimmed = basePath.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		Assert.isTrue(!trimmed.isEmpty(), "The delivery base path must not be the root; use for example /dapr/topics");
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

	/**
	 * One delivery route.
	 *
	 * @param name the route below the base path, for example {@code pubsub/orders/rule-0}
	 * @param subscription the subscription it belongs to
	 * @param endpoint the handler
	 * @param listener the handler's pipeline
	 */
	public record Route(String name, TopicSubscription subscription, TopicEndpoint endpoint,
			TopicEventListener listener) {
	}

	/** The subscriptions at one moment and the routes built from exactly them. */
	public static final class Snapshot {

		private final List<TopicSubscription> subscriptions;

		private final Map<String, Route> routes;

		Snapshot(List<TopicSubscription> subscriptions, Map<String, Route> routes) {
			this.subscriptions = List.copyOf(subscriptions);
			this.routes = Map.copyOf(routes);
		}

		/** The subscriptions the application publishes, one per pub/sub and topic. */
		public List<TopicSubscription> subscriptions() {
			return this.subscriptions;
		}

		/** The route of a name below the base path, or {@code null}. */
		public @Nullable Route route(String name) {
			return this.routes.get(name);
		}

		/** The route of a topic's default handler, or {@code null}. */
		public @Nullable Route defaultRoute(String pubsub, String topic) {
			return this.routes.get(pubsub + "/" + topic);
		}

		/** The route of an endpoint of these subscriptions. */
		public Route routeOf(TopicEndpoint endpoint) {
			return this.routes.values()
				.stream()
				.filter((route) -> route.endpoint() == endpoint)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No route for " + endpoint));
		}

	}

}
