package dev.daprspring.messaging.grpc;

import io.dapr.v1.DaprAppCallbackProtos.BulkSubscribeConfig;
import io.dapr.v1.DaprAppCallbackProtos.ListTopicSubscriptionsResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicRoutes;
import io.dapr.v1.DaprAppCallbackProtos.TopicRule;
import io.dapr.v1.DaprAppCallbackProtos.TopicSubscription;

import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.TopicEndpoint;

/**
 * Writes the {@code ListTopicSubscriptions} answer: one subscription per topic with its
 * rules, default route, metadata, dead-letter topic and bulk settings. The paths are the
 * {@link DeliveryRoutes}, which the sidecar sends back with each event.
 */
final class SubscriptionList {

	private SubscriptionList() {
	}

	/**
	 * @param routes the subscriptions and their routes
	 * @param routeBase what the route names are prefixed with
	 */
	static ListTopicSubscriptionsResponse of(DeliveryRoutes.Snapshot routes, String routeBase) {
		ListTopicSubscriptionsResponse.Builder response = ListTopicSubscriptionsResponse.newBuilder();
		for (dev.daprspring.messaging.endpoint.TopicSubscription subscription : routes.subscriptions()) {
			TopicRoutes.Builder routing = TopicRoutes.newBuilder();
			for (TopicEndpoint rule : subscription.rules()) {
				routing.addRules(TopicRule.newBuilder().setMatch(rule.match()).setPath(routeBase + routes.routeOf(rule).name()));
			}
			TopicEndpoint defaultEndpoint = subscription.defaultEndpoint();
			if (defaultEndpoint != null) {
				routing.setDefault(routeBase + routes.routeOf(defaultEndpoint).name());
			}
			TopicSubscription.Builder entry = TopicSubscription.newBuilder()
				.setPubsubName(subscription.pubsub())
				.setTopic(subscription.topic())
				.putAllMetadata(subscription.metadata())
				.setRoutes(routing);
			if (subscription.deadLetterTopic() != null) {
				entry.setDeadLetterTopic(subscription.deadLetterTopic());
			}
			BulkSubscribe bulk = subscription.bulk();
			if (bulk != null) {
				entry.setBulkSubscribe(BulkSubscribeConfig.newBuilder()
					.setEnabled(true)
					.setMaxMessagesCount(bulk.maxMessages())
					.setMaxAwaitDurationMs(bulk.maxAwaitMs()));
			}
			response.addSubscriptions(entry);
		}
		return response.build();
	}

}
