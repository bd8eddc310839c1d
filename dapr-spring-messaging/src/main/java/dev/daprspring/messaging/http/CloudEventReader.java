package dev.daprspring.messaging.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.delivery.IncomingEvent;

/**
 * Reads the body the sidecar posts: a CloudEvent in JSON, whose {@code data} (or
 * {@code data_base64}) becomes the event's data and whose other fields its attributes.
 * For a raw subscription daprd wraps the published bytes in an envelope of its own (with
 * {@code data_base64}), so the data is the payload as it was published.
 * <p>
 * The envelope is read as a token stream and JSON data is handed on as the bytes it had in
 * the body, so a delivery builds no tree and writes no JSON of its own.
 */
final class CloudEventReader {

	private static final byte[] NO_DATA = new byte[0];

	private final JsonMapper json;

	CloudEventReader(JsonMapper json) {
		this.json = json;
	}

	IncomingEvent read(String pubsub, String topic, byte[] body, boolean rawPayload) {
		// daprd 1.17 posts an envelope for raw subscriptions too; a body that is none is passed on as it is.
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return new IncomingEvent(pubsub, topic, body, Map.of());
			}
			Map<String, Object> attributes = new LinkedHashMap<>();
			byte[] data = NO_DATA;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "data" -> data = data(parser, value, body);
					case "data_base64" -> data = (value == JsonToken.VALUE_STRING)
							? Base64.getDecoder().decode(parser.getString()) : NO_DATA;
					default -> {
						if (value == JsonToken.VALUE_STRING) {
							attributes.put(name, parser.getString());
						}
						else if (value != JsonToken.VALUE_NULL) {
							attributes.put(name, parser.readValueAs(Object.class));
						}
					}
				}
			}
			if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
				// Trailing content: not one JSON object after all.
				return new IncomingEvent(pubsub, topic, body, Map.of());
			}
			return new IncomingEvent(pubsub, topic, data, attributes);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// Not an envelope (or a data_base64 that is not Base64): the handler gets the body as the data and decides.
			return new IncomingEvent(pubsub, topic, body, Map.of());
		}
	}

	private static byte[] data(JsonParser parser, JsonToken value, byte[] body) {
		switch (value) {
			case VALUE_NULL:
				return NO_DATA;
			case VALUE_STRING:
				// A JSON string is text data (text/plain, or a String published as JSON): its characters.
				return parser.getString().getBytes(StandardCharsets.UTF_8);
			case START_OBJECT:
			case START_ARRAY:
				long start = parser.currentTokenLocation().getByteOffset();
				parser.skipChildren();
				long end = parser.currentLocation().getByteOffset();
				return Arrays.copyOfRange(body, (int) start, (int) end);
			default:
				// A number or boolean: its JSON text.
				return parser.getText().getBytes(StandardCharsets.UTF_8);
		}
	}

}
