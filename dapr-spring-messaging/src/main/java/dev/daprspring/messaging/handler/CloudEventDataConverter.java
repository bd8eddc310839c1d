package dev.daprspring.messaging.handler;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.SmartMessageConverter;

/**
 * Reads an event's data (the {@code byte[]} payload of the message) as the type a handler
 * parameter declares: {@code byte[]} and {@code String} as they are, anything else, generic
 * types included, as JSON with the application's {@link JsonMapper}. Writing is not
 * supported.
 */
public class CloudEventDataConverter implements SmartMessageConverter {

	private final JsonMapper jsonMapper;

	public CloudEventDataConverter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass) {
		return read(message, targetClass);
	}

	@Override
	public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass, @Nullable Object conversionHint) {
		if (!(conversionHint instanceof MethodParameter parameter)) {
			return read(message, targetClass);
		}
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		// A Message<T> parameter is passed as the hint as it is: the data is its T.
		if (Message.class.isAssignableFrom(type.toClass())) {
			type = type.getGeneric(0);
		}
		return read(message, (type.resolve() != null) ? type.getType() : targetClass);
	}

	/** Reads data as the given type; empty data is {@code null}. */
	public @Nullable Object read(Message<?> message, Type type) {
		if (!(message.getPayload() instanceof byte[] data) || data.length == 0) {
			return null;
		}
		JavaType javaType = this.jsonMapper.constructType(type);
		Class<?> raw = javaType.getRawClass();
		if (raw == byte[].class) {
			return data;
		}
		if (raw == String.class) {
			return new String(data, StandardCharsets.UTF_8);
		}
		try {
			return this.jsonMapper.readValue(data, javaType);
		}
		catch (JacksonException ex) {
			Object id = message.getHeaders().get(DaprHeaders.ID);
			Object contentType = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
			throw new MessageConversionException(message, "The data of " + ((id != null) ? "event '" + id + "'"
					: "the event") + ((contentType != null) ? " (" + contentType + ")" : "") + " is not JSON of type "
					+ javaType.toCanonical() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers) {
		return null;
	}

	@Override
	public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers,
			@Nullable Object conversionHint) {
		return null;
	}

}
