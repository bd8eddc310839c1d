package dev.daprspring.messaging.delivery;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event as a transport received it, before a handler sees it.
 *
 * @param pubsub the pub/sub component it came from
 * @param topic its topic
 * @param data the CloudEvent data (decoded from {@code data_base64}), or the raw payload
 * @param attributes the CloudEvent attributes and extensions by name, for example
 * {@code id}, {@code type}, {@code traceparent}; empty for a raw payload
 */
public record IncomingEvent(String pubsub, String topic, byte[] data, Map<String, Object> attributes) {

	public IncomingEvent {
		attributes = Map.copyOf(attributes);
	}

	/** The CloudEvent id, or {@code null} for a raw payload. */
	public @Nullable String id() {
		Object id = this.attributes.get("id");
		return (id != null) ? id.toString() : null;
	}

	/** The event for log messages, without its data. */
	public String describe() {
		String id = id();
		// No id: a raw payload, or a body that is not a CloudEvent at all (malformed JSON).
		return ((id != null) ? "event '" + id + "'"
				: "an event without a CloudEvent id (a raw payload, or a body that is not a CloudEvent)")
				+ " of topic '" + this.topic + "' (pub/sub '" + this.pubsub + "')";
	}

}
