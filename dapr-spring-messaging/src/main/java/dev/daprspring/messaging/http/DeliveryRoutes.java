package dev.daprspring.messaging.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicSubscription;
import org.springframework.util.Assert;

/**
 * The paths the sidecar posts events to, one per endpoint:
 * {@code <base-path>/<pubsub>/<topic>} for a topic's default handler and
 * {@code …/rule-<n>} for its n-th rule.
 */
final class DeliveryRoutes {

	private final Map<String, Route> routes = new LinkedHashMap<>();

	DeliveryRoutes(String basePath, List<TopicSubscription> subscriptions) {
		String base = normalize(basePath);
		for (TopicSubscription subscription : subscriptions) {
			String topicPath = base + "/" + subscription.pubsub() + "/" + subscription.topic();
			for (int i = 0; i < subscription.rules().size(); i++) {
				add(topicPath + "/rule-" + i, subscription, subscription.rules().get(i));
			}
			TopicEndpoint defaultEndpoint = subscription.defaultEndpoint();
			if (defaultEndpoint != null) {
				add(topicPath, subscription, defaultEndpoint);
			}
		}
	}

	private void add(String path, TopicSubscription subscription, TopicEndpoint endpoint) {
		Route existing = this.routes.putIfAbsent(path, new Route(path, subscription, endpoint));
		Assert.state(existing == null, () -> "Handlers " + existing.endpoint().describe() + " and "
				+ endpoint.describe() + " would both be delivered to " + path + "; rename one of the topics");
	}

	/** The route of a path relative to the servlet context, or {@code null}. */
	@Nullable Route route(String path) {
		return this.routes.get(path);
	}

	/** The route of an endpoint. */
	Route routeOf(TopicEndpoint endpoint) {
		return this.routes.values()
			.stream()
			.filter((route) -> route.endpoint() == endpoint)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No route for " + endpoint));
	}

	static String normalize(String basePath) {
		String trimmed = basePath.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		Assert.isTrue(!trimmed.isEmpty(), "dapr.messaging.base-path must not be the root; use for example /dapr/topics");
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

	/**
	 * One delivery path.
	 *
	 * @param path the path relative to the servlet context, not encoded
	 * @param subscription the subscription it belongs to
	 * @param endpoint the handler
	 */
	record Route(String path, TopicSubscription subscription, TopicEndpoint endpoint) {
	}

}
