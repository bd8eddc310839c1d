package dev.daprspring.core.binding;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an output binding answered.
 *
 * @param data the response body, converted to the requested type, or {@code null} when
 * the binding returned nothing
 * @param metadata the binding's response metadata, for example {@code statusCode} from
 * {@code bindings.http}
 * @param <T> the type of the body
 */
public record BindingResponse<T>(@Nullable T data, Map<String, String> metadata) {

	public BindingResponse {
		metadata = Map.copyOf(metadata);
	}

}
