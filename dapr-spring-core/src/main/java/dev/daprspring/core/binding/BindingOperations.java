package dev.daprspring.core.binding;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Output bindings: invoke an operation (such as {@code create}, {@code get} or
 * {@code post}) of a binding component. Request data is sent as the converter writes it:
 * a String or {@code byte[]} as it is, anything else as JSON.
 */
public interface BindingOperations {

	/**
	 * Invokes an operation and returns the raw response.
	 * @param binding the name of the binding component
	 * @param operation an operation the binding supports, for example {@code create}
	 * @param data the request data, or {@code null} for none
	 * @throws dev.daprspring.core.error.DaprComponentNotFoundException if the sidecar has
	 * no output binding of this name
	 */
	BindingResponse<byte[]> invoke(String binding, String operation, @Nullable Object data);

	/** Invokes an operation and returns its response data converted to the given type. */
	<T> @Nullable T invoke(String binding, String operation, @Nullable Object data, Class<T> responseType);

	/**
	 * Invokes an operation with metadata (for example {@code fileName} or {@code path})
	 * and returns the response converted to the given type, with the response metadata.
	 */
	<T> BindingResponse<T> invoke(String binding, String operation, @Nullable Object data,
			Map<String, String> metadata, Class<T> responseType);

}
