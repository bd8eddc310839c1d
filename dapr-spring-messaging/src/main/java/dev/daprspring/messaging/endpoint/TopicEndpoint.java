package dev.daprspring.messaging.endpoint;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * One handler method of a topic, with what it subscribes to.
 *
 * @param pubsub the pub/sub component
 * @param topic the topic
 * @param match the CEL rule selecting its events, or {@code null} for the topic's default
 * handler
 * @param priority the order of its rule among the topic's rules, lowest first
 * @param deadLetterTopic where dropped events go, or {@code null}
 * @param metadata subscription metadata
 * @param rawPayload whether events arrive without a CloudEvent envelope
 * @param bean the bean that handles the events
 * @param method the handler method
 * @param concurrency how many deliveries the handler runs at once, at most; {@code 0} for
 * no limit
 * @param bulk how it receives events in batches, or {@code null} for one event at a time
 */
public record TopicEndpoint(String pubsub, String topic, @Nullable String match, int priority,
		@Nullable String deadLetterTopic, Map<String, String> metadata, boolean rawPayload, Object bean,
		Method method, int concurrency, @Nullable BulkSubscribe bulk) {

	public TopicEndpoint {
		if (!StringUtils.hasText(pubsub)) {
			throw new NoPubSubException("@Topic on " + describe(method) + " has no pub/sub and there is no default "
					+ "one; name one with pubsub = \"…\" or configure a default pub/sub");
		}
		Assert.hasText(topic, () -> "@Topic on " + describe(method) + " has an empty topic name");
		match = (match != null && match.isBlank()) ? null : match;
		deadLetterTopic = (deadLetterTopic != null && deadLetterTopic.isBlank()) ? null : deadLetterTopic;
		metadata = Map.copyOf(metadata);
		Assert.isTrue(concurrency >= 0, () -> "@Topic on " + describe(method) + " has concurrency " + concurrency
				+ "; use a positive number, or leave it empty for no limit");
	}

	/** An endpoint that receives one event at a time. */
	public TopicEndpoint(String pubsub, String topic, @Nullable String match, int priority,
			@Nullable String deadLetterTopic, Map<String, String> metadata, boolean rawPayload, Object bean,
			Method method, int concurrency) {
		this(pubsub, topic, match, priority, deadLetterTopic, metadata, rawPayload, bean, method, concurrency, null);
	}

	/** An endpoint without a concurrency limit. */
	public TopicEndpoint(String pubsub, String topic, @Nullable String match, int priority,
			@Nullable String deadLetterTopic, Map<String, String> metadata, boolean rawPayload, Object bean,
			Method method) {
		this(pubsub, topic, match, priority, deadLetterTopic, metadata, rawPayload, bean, method, 0);
	}

	/** The handler method as {@code Class.method(ParameterTypes)}, for messages. */
	public String describe() {
		return describe(this.method);
	}

	/** Where a dropped event goes, for log lines: {@code " (to dead-letter topic 'x')"} or empty. */
	public String deadLetterNote() {
		return (this.deadLetterTopic != null) ? " (to dead-letter topic '" + this.deadLetterTopic + "')" : "";
	}

	private static String describe(Method method) {
		return ClassUtils.getShortName(method.getDeclaringClass()) + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

	@Override
	public String toString() {
		return "TopicEndpoint[" + this.pubsub + "/" + this.topic + ((this.match != null) ? " if " + this.match : "")
				+ " -> " + describe() + "]";
	}

}
