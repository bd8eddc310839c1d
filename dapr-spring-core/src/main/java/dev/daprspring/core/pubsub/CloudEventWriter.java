package dev.daprspring.core.pubsub;

import java.time.format.DateTimeFormatter;
import java.util.Base64;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.daprspring.core.convert.DaprConversionException;
import dev.daprspring.core.convert.DaprValueConverter;

/**
 * Writes a {@link CloudEvent} in the CloudEvents JSON format: a byte array as
 * {@code data_base64}, a String as a JSON string, anything else as JSON.
 */
final class CloudEventWriter {

	private final DaprValueConverter converter;

	CloudEventWriter(DaprValueConverter converter) {
		this.converter = converter;
	}

	ByteString write(CloudEvent<?> event) {
		JsonMapper json = this.converter.getJsonMapper();
		try {
			ObjectNode envelope = json.createObjectNode();
			envelope.put("specversion", event.specversion());
			envelope.put("id", event.id());
			envelope.put("source", event.source());
			envelope.put("type", event.type());
			if (event.subject() != null) {
				envelope.put("subject", event.subject());
			}
			if (event.time() != null) {
				envelope.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time()));
			}
			Object data = event.data();
			if (event.datacontenttype() != null || data != null) {
				envelope.put("datacontenttype",
						(event.datacontenttype() != null) ? event.datacontenttype() : this.converter.contentType(data));
			}
			if (data instanceof byte[] bytes) {
				envelope.put("data_base64", Base64.getEncoder().encodeToString(bytes));
			}
			else if (data != null) {
				envelope.set("data", json.valueToTree(data));
			}
			event.extensions().forEach((name, value) -> envelope.set(name, json.valueToTree(value)));
			// A fresh array that nothing else holds: no copy needed.
			return UnsafeByteOperations.unsafeWrap(json.writeValueAsBytes(envelope));
		}
		catch (JacksonException ex) {
			throw new DaprConversionException("Cannot write CloudEvent '" + event.id() + "' as JSON: "
					+ ex.getOriginalMessage() + ". Its data and extensions must be serialisable by the application's "
					+ "JsonMapper, or the data a String or byte[]", ex);
		}
	}

}
