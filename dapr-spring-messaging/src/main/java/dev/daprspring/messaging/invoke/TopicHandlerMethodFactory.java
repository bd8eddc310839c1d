package dev.daprspring.messaging.invoke;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.ConversionService;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

/**
 * Creates the {@link MessageHandlerMethodFactory} that invokes topic handlers: payloads
 * converted by {@link CloudEventDataConverter}, {@code CloudEvent<T>} parameters,
 * {@code Message<T>}, {@code @Header} and {@code @Headers} parameters.
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
		DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
		factory.setMessageConverter(converter);
		factory.setConversionService(conversionService);
		factory.setCustomArgumentResolvers(List.of(new CloudEventArgumentResolver(converter)));
		factory.afterPropertiesSet();
		return factory;
	}

}
