package dev.daprspring.core.binding;

import java.util.Map;
import java.util.function.Supplier;

import io.dapr.v1.DaprBindingsProtos.InvokeBindingRequest;
import io.dapr.v1.DaprBindingsProtos.InvokeBindingResponse;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprConversionException;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.util.Assert;

/**
 * {@link BindingOperations} over the sidecar's gRPC {@code InvokeBinding}.
 */
public final class DaprBindingOperations implements BindingOperations {

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	public DaprBindingOperations(DaprTransport transport, DaprValueConverter converter) {
		this.transport = transport;
		this.converter = converter;
	}

	@Override
	public BindingResponse<byte[]> invoke(String binding, String operation, @Nullable Object data) {
		return invoke(binding, operation, data, Map.of(), byte[].class);
	}

	@Override
	public <T> @Nullable T invoke(String binding, String operation, @Nullable Object data, Class<T> responseType) {
		return invoke(binding, operation, data, Map.of(), responseType).data();
	}

	@Override
	public <T> BindingResponse<T> invoke(String binding, String operation, @Nullable Object data,
			Map<String, String> metadata, Class<T> responseType) {
		Assert.hasText(binding, "Binding name must not be empty");
		Assert.hasText(operation, () -> "Operation for binding '" + binding
				+ "' must not be empty, for example create, get or post");
		InvokeBindingRequest request = InvokeBindingRequest.newBuilder()
			.setName(binding)
			.setOperation(operation)
			.setData(convert(binding, operation, () -> this.converter.write(data)))
			.putAllMetadata(metadata)
			.build();
		// Not idempotent: an operation such as create or post may have effects.
		InvokeBindingResponse response = this.transport.call(DaprCall.write("bindings", "invoke", binding),
				(dapr) -> dapr.invokeBinding(request));
		return new BindingResponse<>(convert(binding, operation,
				() -> this.converter.read(response.getData(), responseType)), response.getMetadataMap());
	}

	private static <T extends @Nullable Object> T convert(String binding, String operation, Supplier<T> conversion) {
		try {
			return conversion.get();
		}
		catch (DaprConversionException ex) {
			throw new DaprConversionException(
					"Binding '" + binding + "', operation '" + operation + "': " + ex.getMessage(), ex);
		}
	}

}
