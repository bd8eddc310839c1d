package dev.daprspring.messaging.handler;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.handler.annotation.support.HeaderMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * Resolves {@code @Header} parameters like Spring Messaging does, but reports a missing
 * required header or a value that cannot be converted as a
 * {@link MethodArgumentResolutionException}: the event can never be handled, so it is
 * dropped instead of being delivered again forever.
 */
class HeaderArgumentResolver implements HandlerMethodArgumentResolver {

	private final HeaderMethodArgumentResolver delegate;

	HeaderArgumentResolver(HeaderMethodArgumentResolver delegate) {
		this.delegate = delegate;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return this.delegate.supportsParameter(parameter);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
		try {
			return this.delegate.resolveArgument(parameter, message);
		}
		catch (MessageHandlingException | ConversionException ex) {
			throw new MethodArgumentResolutionException(message, parameter,
					"The event cannot fill parameter " + parameter.getParameterIndex() + " ("
							+ parameter.getParameterType().getSimpleName() + ") of the handler: " + ex.getMessage(),
					ex);
		}
	}

}
