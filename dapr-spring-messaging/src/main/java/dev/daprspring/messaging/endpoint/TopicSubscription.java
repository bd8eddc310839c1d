package dev.daprspring.messaging.endpoint;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The subscription the application publishes for one topic: its rules, tried in order,
 * and the default handler for events no rule selects.
 *
 * @param pubsub the pub/sub component
 * @param topic the topic
 * @param deadLetterTopic where dropped events go, or {@code null}
 * @param metadata subscription metadata, including {@code rawPayload=true} for raw
 * subscriptions
 * @param rules the handlers with a match rule, in the order the sidecar tries them
 * @param defaultEndpoint the handler of events no rule selects, or {@code null}
 * @param bulk how the sidecar delivers in batches, or {@code null} for one event at a time
 */
public record TopicSubscription(String pubsub, String topic, @Nullable String deadLetterTopic,
		Map<String, String> metadata, List<TopicEndpoint> rules, @Nullable TopicEndpoint defaultEndpoint,
		@Nullable BulkSubscribe bulk) {

	/** A subscription delivering one event at a time. */
	public TopicSubscription(String pubsub, String topic, @Nullable String deadLetterTopic,
			Map<String, String> metadata, List<TopicEndpoint> rules, @Nullable TopicEndpoint defaultEndpoint) {
		this(pubsub, topic, deadLetterTopic, metadata, rules, defaultEndpoint, null);
	}

	public TopicSubscription {
		metadata = Map.copyOf(metadata);
		rules = List.copyOf(rules);
	}

	/** Whether events arrive without a CloudEvent envelope. */
	public boolean rawPayload() {
		return "true".equalsIgnoreCase(this.metadata.get("rawPayload"));
	}

}
