package dev.daprspring.messaging.endpoint;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A subscription declared in configuration rather than by a {@code @Topic} method: the
 * sidecar posts its events to a route the application serves itself.
 *
 * @param pubsub the pub/sub component
 * @param topic the topic
 * @param route the path the sidecar posts events to, for example {@code /orders}
 * @param deadLetterTopic where dropped events go, or {@code null}
 * @param metadata subscription metadata
 */
public record DeclaredSubscription(String pubsub, String topic, String route, @Nullable String deadLetterTopic,
		Map<String, String> metadata) {

	public DeclaredSubscription {
		if (!StringUtils.hasText(pubsub)) {
			throw new NoPubSubException("The subscription to topic '" + topic + "' has no pub/sub and there is no "
					+ "default one; set its pubsub or configure a default pub/sub");
		}
		Assert.hasText(topic, "A declared subscription has no topic; set its topic, for example topic=orders");
		Assert.isTrue(route != null && route.startsWith("/"), () -> "The subscription to topic '" + topic
				+ "' has route '" + route + "'; set a path the application serves, for example route=/orders");
		deadLetterTopic = (deadLetterTopic != null && deadLetterTopic.isBlank()) ? null : deadLetterTopic;
		metadata = Map.copyOf(metadata);
	}

}
