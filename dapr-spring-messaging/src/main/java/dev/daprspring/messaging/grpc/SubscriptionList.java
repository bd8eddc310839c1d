package dev.daprspring.messaging.grpc;

import java.util.List;

import io.dapr.v1.DaprAppCallbackProtos.BulkSubscribeConfig;
import io.dapr.v1.DaprAppCallbackProtos.ListTopicSubscriptionsResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicRoutes;
import io.dapr.v1.DaprAppCallbackProtos.TopicRule;
import io.dapr.v1.DaprAppCallbackProtos.TopicSubscription;

import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.DeliveryRoutes;
import dev.daprspring.messaging.endpoint.TopicEndpoint;

/**
 * Writes the {@code ListTopicSubscriptions} answer: one subscription per topic with its
 * rules, default route, metadata, dead-letter topic and bulk settings. The paths are the
 * {@link DeliveryRoutes}, which the sidecar sends back with each event.
 */
final class SubscriptionList {

	private SubscriptionList() {
	}

	static ListTopicSubscriptionsResponse of(List<dev.daprspring.messaging.endpoint.TopicSubscription> subscriptions,
			DeliveryRoutes routes) {
		ListTopicSubscriptionsResponse.Builder response = ListTopicSubscriptionsResponse.newBuilder();
		for (dev.daprspring.messaging.endpoint.TopicSubscription subscription : subscriptions) {
			TopicRoutes.Builder routing = TopicRoutes.newBuilder();
			for (TopicEndpoint rule : subscription.rules()) {
				routing.addRules(TopicRule.newBuilder().setMatch(rule.match()).setPath(routes.routeOf(rule).path()));
			}
			TopicEndpoint defaultEndpoint = subscription.defaultEndpoint();
			if (defaultEndpoint != null) {
				routing.setDefault(routes.routeOf(defaultEndpoint).path());
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
