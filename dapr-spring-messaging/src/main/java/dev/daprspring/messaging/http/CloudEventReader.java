package dev.daprspring.messaging.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.delivery.IncomingEvent;

/**
 * Reads the body the sidecar posts: a CloudEvent in JSON, whose {@code data} (or
 * {@code data_base64}) becomes the event's data and whose other fields its attributes.
 * For a raw subscription daprd wraps the published bytes in an envelope of its own (with
 * {@code data_base64}), so the data is the payload as it was published.
 */
final class CloudEventReader {

	private final JsonMapper json;

	CloudEventReader(JsonMapper json) {
		this.json = json;
	}

	IncomingEvent read(String pubsub, String topic, byte[] body, boolean rawPayload) {
		// daprd 1.17 posts an envelope for raw subscriptions too; a body that is none is passed on as it is.
		JsonNode envelope;
		try {
			envelope = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			// Not an envelope: the handler gets the body as the data and decides.
			return new IncomingEvent(pubsub, topic, body, Map.of());
		}
		if (envelope == null || !envelope.isObject()) {
			return new IncomingEvent(pubsub, topic, body, Map.of());
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		byte[] data = new byte[0];
		for (Map.Entry<String, JsonNode> field : envelope.properties()) {
			JsonNode value = field.getValue();
			switch (field.getKey()) {
				case "data" -> data = data(value);
				case "data_base64" -> data = Base64.getDecoder().decode(value.asString());
				default -> {
					if (!value.isNull()) {
						attributes.put(field.getKey(),
								value.isString() ? value.asString() : this.json.treeToValue(value, Object.class));
					}
				}
			}
		}
		return new IncomingEvent(pubsub, topic, data, attributes);
	}

	private byte[] data(JsonNode value) {
		if (value.isNull() || value.isMissingNode()) {
			return new byte[0];
		}
		// A JSON string is text data (text/plain, or a String published as JSON): its characters.
		if (value.isString()) {
			return value.asString().getBytes(StandardCharsets.UTF_8);
		}
		return this.json.writeValueAsBytes(value);
	}

}
