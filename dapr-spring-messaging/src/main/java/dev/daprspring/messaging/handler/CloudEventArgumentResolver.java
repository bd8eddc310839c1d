package dev.daprspring.messaging.handler;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.pubsub.CloudEvent;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Resolves a {@link CloudEvent CloudEvent&lt;T&gt;} parameter: the envelope's attributes
 * and extensions, with its data converted to {@code T}.
 */
public class CloudEventArgumentResolver implements HandlerMethodArgumentResolver {

	// Headers that are not CloudEvent extensions: the envelope's own attributes and Dapr's routing.
	private static final Set<String> NOT_EXTENSIONS = Set.of(DaprHeaders.ID, DaprHeaders.SOURCE, DaprHeaders.TYPE,
			DaprHeaders.SPECVERSION, DaprHeaders.DATACONTENTTYPE, DaprHeaders.SUBJECT, DaprHeaders.TIME);

	private final CloudEventDataConverter converter;

	public CloudEventArgumentResolver(CloudEventDataConverter converter) {
		this.converter = converter;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return CloudEvent.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) {
		Map<String, Object> headers = message.getHeaders();
		String id = text(headers, DaprHeaders.ID);
		if (id == null) {
			throw new MessageConversionException(message, "A CloudEvent parameter needs an event with a CloudEvent "
					+ "envelope, but this one has none (is the subscription rawPayload?); declare the payload type "
					+ "or Message<T> instead");
		}
		ResolvableType dataType = ResolvableType.forMethodParameter(parameter).getGeneric(0);
		Object data = this.converter.read(message, dataType.resolve(Object.class) == Object.class ? Object.class
				: dataType.getType());
		Map<String, Object> extensions = new LinkedHashMap<>();
		headers.forEach((name, value) -> {
			if (name.startsWith(DaprHeaders.PREFIX) && !NOT_EXTENSIONS.contains(name)) {
				extensions.put(name.substring(DaprHeaders.PREFIX.length()), value);
			}
		});
		String source = text(headers, DaprHeaders.SOURCE);
		String type = text(headers, DaprHeaders.TYPE);
		String specversion = text(headers, DaprHeaders.SPECVERSION);
		return new CloudEvent<>(id, (source != null) ? source : "unknown", (type != null) ? type : "unknown",
				(specversion != null) ? specversion : CloudEvent.SPEC_VERSION, text(headers, DaprHeaders.DATACONTENTTYPE),
				text(headers, DaprHeaders.SUBJECT), time(text(headers, DaprHeaders.TIME)), data, extensions);
	}

	private static @Nullable String text(Map<String, Object> headers, String name) {
		Object value = headers.get(name);
		return (value != null && !value.toString().isEmpty()) ? value.toString() : null;
	}

	private static @Nullable OffsetDateTime time(@Nullable String time) {
		if (time == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(time);
		}
		catch (DateTimeParseException ex) {
			// A malformed time must not cost the event; the header keeps the text.
			return null;
		}
	}

}
