package dev.daprspring.workflows.runtime;

import java.lang.reflect.Type;

import io.dapr.durabletask.DataConverter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inputs, outputs, event data and custom status as JSON of the application's
 * {@code JsonMapper}, as everywhere else in the starter. The replay engine asks for plain
 * classes; the adapters ask for {@link RawJson} and convert to the declared generic type
 * themselves, so that a workflow's {@code List<Item>} input is a list of items.
 */
public final class WorkflowDataConverter implements DataConverter {

	private final JsonMapper jsonMapper;

	public WorkflowDataConverter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public @Nullable String serialize(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof RawJson raw) {
			return raw.json();
		}
		try {
			return this.jsonMapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new DataConverterException("Cannot write a " + value.getClass().getName() + " as JSON: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T deserialize(@Nullable String data, Class<T> target) {
		if (target == RawJson.class) {
			return (data != null) ? (T) new RawJson(data) : null;
		}
		return read(data, target, "a value");
	}

	/**
	 * Reads JSON as a value of the type.
	 * @param what names the value in the error, for example "the input of workflow 'order'"
	 * @throws IllegalArgumentException naming the value, the type and what did not convert
	 */
	<T> @Nullable T read(@Nullable String data, Type type, String what) {
		if (data == null || data.isEmpty()) {
			return null;
		}
		try {
			return this.jsonMapper.readValue(data, this.jsonMapper.constructType(type));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"Cannot convert " + what + " to " + type.getTypeName() + ": " + ex.getOriginalMessage()
							+ " (JSON was " + abbreviate(data) + ")", ex);
		}
	}

	private static String abbreviate(String data) {
		return (data.length() <= 200) ? data : data.substring(0, 200) + "…";
	}

	/** JSON handed on as it is. */
	record RawJson(String json) {
	}

}
