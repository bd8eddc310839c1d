package dev.daprspring.messaging.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The paths the sidecar posts events to, one per endpoint:
 * {@code <base-path>/<pubsub>/<topic>} for a topic's default handler and
 * {@code …/rule-<n>} for its n-th rule. The HTTP app channel serves them; over gRPC they
 * are the names the sidecar sends back in each event's {@code path}.
 */
public final class DeliveryRoutes {

	private final Map<String, Route> routes = new LinkedHashMap<>();

	/** The routes of the subscriptions' endpoints under a base path, for example {@code /dapr/topics}. */
	public DeliveryRoutes(String basePath, List<TopicSubscription> subscriptions) {
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
	public @Nullable Route route(String path) {
		return this.routes.get(path);
	}

	/** The route of an endpoint. */
	public Route routeOf(TopicEndpoint endpoint) {
		return this.routes.values()
			.stream()
			.filter((route) -> route.endpoint() == endpoint)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No route for " + endpoint));
	}

	/** The base path with one leading and no trailing slash. */
	public static String normalize(String basePath) {
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
	public record Route(String path, TopicSubscription subscription, TopicEndpoint endpoint) {
	}

}
