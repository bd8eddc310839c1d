package dev.daprspring.messaging.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.delivery.BulkEntry;
import dev.daprspring.messaging.delivery.IncomingEvent;

/**
 * Reads the body the sidecar posts to a bulk subscription:
 * {@code {"entries":[{"entryId","event","metadata","contentType"}], …}}, each entry's
 * {@code event} being a CloudEvent (or, for a raw subscription, the published bytes).
 */
final class BulkRequestReader {

	private final JsonMapper json;

	private final CloudEventReader events;

	BulkRequestReader(JsonMapper json, CloudEventReader events) {
		this.json = json;
		this.events = events;
	}

	/** The entries of a bulk body, or {@code null} when the body is a single event. */
	@Nullable List<BulkEntry> read(String pubsub, String topic, byte[] body,
			boolean rawPayload) {
		JsonNode request;
		try {
			request = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (request == null || !request.isObject() || !request.path("entries").isArray()) {
			return null;
		}
		List<BulkEntry> entries = new ArrayList<>();
		for (JsonNode entry : request.path("entries")) {
			JsonNode event = entry.path("event");
			IncomingEvent incoming;
			if (event.isObject()) {
				incoming = this.events.read(pubsub, topic, this.json.writeValueAsBytes(event), rawPayload);
			}
			else {
				// Raw entries arrive as base64 text of the published bytes.
				String text = event.isString() ? event.asString() : event.toString();
				incoming = new IncomingEvent(pubsub, topic, raw(text, rawPayload), Map.of());
			}
			entries.add(new BulkEntry(entry.path("entryId").asString(""), incoming));
		}
		return entries;
	}

	private static byte[] raw(String text, boolean rawPayload) {
		if (rawPayload) {
			try {
				return Base64.getDecoder().decode(text);
			}
			catch (IllegalArgumentException ex) {
				// Not base64 after all: the text is the payload.
			}
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
