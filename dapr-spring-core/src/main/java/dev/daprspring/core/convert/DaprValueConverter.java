package dev.daprspring.core.convert;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Converts values to and from the bytes the sidecar stores and sends: {@code byte[]} and
 * {@code String} as they are, everything else as plain JSON with the application's
 * {@link JsonMapper}, so that other Dapr SDKs and {@code curl} read the same documents.
 */
public final class DaprValueConverter {

	private final JsonMapper jsonMapper;

	public DaprValueConverter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public JsonMapper getJsonMapper() {
		return this.jsonMapper;
	}

	/** The bytes for a value. */
	public ByteString write(@Nullable Object value) {
		if (value == null) {
			return ByteString.EMPTY;
		}
		if (value instanceof byte[] bytes) {
			return ByteString.copyFrom(bytes);
		}
		if (value instanceof String text) {
			return ByteString.copyFromUtf8(text);
		}
		try {
			// A fresh array that nothing else holds: no copy needed.
			return UnsafeByteOperations.unsafeWrap(this.jsonMapper.writeValueAsBytes(value));
		}
		catch (JacksonException ex) {
			throw new DaprConversionException("Cannot write " + value.getClass().getName() + " as JSON: "
					+ ex.getOriginalMessage() + ". Values must be serialisable by the application's JsonMapper, "
					+ "or be a String or byte[]", ex);
		}
	}

	/** The content type {@link #write} produces for a value. */
	public String contentType(@Nullable Object value) {
		if (value instanceof byte[]) {
			return "application/octet-stream";
		}
		if (value instanceof String) {
			return "text/plain";
		}
		return "application/json";
	}

	/** Reads bytes as the given type; empty bytes are {@code null}. */
	public <T> @Nullable T read(ByteString data, Class<T> type) {
		return read(data, this.jsonMapper.constructType(type));
	}

	/** Reads bytes as the given generic type; empty bytes are {@code null}. */
	public <T> @Nullable T read(ByteString data, ParameterizedTypeReference<T> type) {
		return read(data, this.jsonMapper.constructType(type.getType()));
	}

	/** Reads bytes as the given Java type; empty bytes are {@code null}. */
	public <T> @Nullable T read(ByteString data, Type type) {
		return read(data, this.jsonMapper.constructType(type));
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T read(ByteString data, JavaType type) {
		if (data.isEmpty()) {
			return null;
		}
		Class<?> raw = type.getRawClass();
		if (raw == byte[].class) {
			return (T) data.toByteArray();
		}
		if (raw == String.class) {
			return (T) data.toStringUtf8();
		}
		try {
			return this.jsonMapper.readValue(data.toByteArray(), type);
		}
		catch (JacksonException ex) {
			String sample = data.size() > 200 ? data.substring(0, 200).toString(StandardCharsets.UTF_8) + "…"
					: data.toString(StandardCharsets.UTF_8);
			throw new DaprConversionException("Cannot read the value as " + type.toCanonical() + ": "
					+ ex.getOriginalMessage() + ". Value: " + sample, ex);
		}
	}

}
