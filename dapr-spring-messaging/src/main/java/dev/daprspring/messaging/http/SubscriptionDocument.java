package dev.daprspring.messaging.http;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.DeclaredSubscription;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicSubscription;
import org.springframework.web.util.UriUtils;

/**
 * Writes the {@code GET /dapr/subscribe} answer: one entry per subscription with its
 * rules, default route, metadata, dead-letter topic and bulk settings.
 */
final class SubscriptionDocument {

	private SubscriptionDocument() {
	}

	/**
	 * The subscriptions as the JSON array daprd reads.
	 * @param routePrefix what the route names are prefixed with: the servlet context path
	 * and the base path
	 */
	static byte[] write(JsonMapper json, DeliveryRoutes.Snapshot routes, String routePrefix) {
		ArrayNode document = json.createArrayNode();
		for (TopicSubscription subscription : routes.subscriptions()) {
			ObjectNode entry = document.addObject();
			entry.put("pubsubname", subscription.pubsub());
			entry.put("topic", subscription.topic());
			ObjectNode routing = entry.putObject("routes");
			ArrayNode rules = routing.putArray("rules");
			for (TopicEndpoint rule : subscription.rules()) {
				rules.addObject().put("match", rule.match()).put("path", path(routes, rule, routePrefix));
			}
			TopicEndpoint defaultEndpoint = subscription.defaultEndpoint();
			if (defaultEndpoint != null) {
				routing.put("default", path(routes, defaultEndpoint, routePrefix));
			}
			ObjectNode metadata = entry.putObject("metadata");
			subscription.metadata().forEach(metadata::put);
			if (subscription.deadLetterTopic() != null) {
				entry.put("deadLetterTopic", subscription.deadLetterTopic());
			}
			BulkSubscribe bulk = subscription.bulk();
			if (bulk != null) {
				ObjectNode bulkSubscribe = entry.putObject("bulkSubscribe").put("enabled", true);
				if (bulk.maxMessages() > 0) {
					bulkSubscribe.put("maxMessagesCount", bulk.maxMessages());
				}
				if (bulk.maxAwaitMs() > 0) {
					bulkSubscribe.put("maxAwaitDurationMs", bulk.maxAwaitMs());
				}
			}
		}
		return json.writeValueAsBytes(document);
	}

	/**
	 * The subscriptions of {@code @Topic} methods followed by those declared in
	 * configuration, as the JSON array daprd reads.
	 * @param basePath the path the routes of {@code @Topic} methods are below
	 * @param contextPath the servlet context path all routes are prefixed with
	 */
	static byte[] write(JsonMapper json, DeliveryRoutes.Snapshot routes, List<DeclaredSubscription> declared,
			String basePath, String contextPath) {
		ArrayNode document = (ArrayNode) json.readTree(write(json, routes, contextPath + basePath + "/"));
		for (DeclaredSubscription subscription : declared) {
			ObjectNode entry = document.addObject();
			entry.put("pubsubname", subscription.pubsub());
			entry.put("topic", subscription.topic());
			entry.put("route", UriUtils.encodePath(contextPath + subscription.route(), "UTF-8"));
			ObjectNode metadata = entry.putObject("metadata");
			subscription.metadata().forEach(metadata::put);
			if (subscription.deadLetterTopic() != null) {
				entry.put("deadLetterTopic", subscription.deadLetterTopic());
			}
		}
		return json.writeValueAsBytes(document);
	}

	private static String path(DeliveryRoutes.Snapshot routes, TopicEndpoint endpoint, String routePrefix) {
		return UriUtils.encodePath(routePrefix + routes.routeOf(endpoint).name(), "UTF-8");
	}

}
