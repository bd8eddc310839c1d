package dev.daprspring.messaging.handler;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.ConversionService;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.HeaderMethodArgumentResolver;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Creates the {@link MessageHandlerMethodFactory} that invokes topic handlers: payloads
 * converted by {@link CloudEventDataConverter}, {@code CloudEvent<T>} parameters,
 * {@code Message<T>}, {@code @Header} and {@code @Headers} parameters; a missing or
 * unconvertible {@code @Header} fails with a {@code MethodArgumentResolutionException}.
 */
public final class TopicHandlerMethodFactory {

	private TopicHandlerMethodFactory() {
	}

	/** A factory converting with the given mapper; header values with a default conversion service. */
	public static MessageHandlerMethodFactory create(JsonMapper jsonMapper) {
		return create(jsonMapper, new DefaultFormattingConversionService());
	}

	/** A factory converting with the given mapper and conversion service. */
	public static MessageHandlerMethodFactory create(JsonMapper jsonMapper, ConversionService conversionService) {
		CloudEventDataConverter converter = new CloudEventDataConverter(jsonMapper);
		DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory() {

			// Spring puts custom resolvers after its @Header one, so that one is wrapped in place.
			@Override
			protected List<HandlerMethodArgumentResolver> initArgumentResolvers() {
				List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(super.initArgumentResolvers());
				resolvers.replaceAll((resolver) -> (resolver instanceof HeaderMethodArgumentResolver header)
						? new HeaderArgumentResolver(header) : resolver);
				return resolvers;
			}

		};
		factory.setMessageConverter(converter);
		factory.setConversionService(conversionService);
		factory.setCustomArgumentResolvers(List.of(new CloudEventArgumentResolver(converter)));
		factory.afterPropertiesSet();
		return factory;
	}

}
