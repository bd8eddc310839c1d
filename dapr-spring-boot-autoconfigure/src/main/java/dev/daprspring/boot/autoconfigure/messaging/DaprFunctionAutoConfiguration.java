package dev.daprspring.boot.autoconfigure.messaging;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.autoconfigure.client.DaprPubSubProperties;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.function.FunctionBinding;
import dev.daprspring.messaging.function.FunctionBindingRegistrar;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for the Spring Cloud Function bridge: every
 * {@code dapr.function.bindings.<function>} subscribes the function to its input topic
 * and publishes a Function's results to its output topic.
 */
@AutoConfiguration(after = DaprMessagingAutoConfiguration.class,
		afterName = "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration")
@ConditionalOnClass({ FunctionCatalog.class, TopicEndpointRegistry.class })
@ConditionalOnBean({ FunctionCatalog.class, TopicEndpointRegistry.class })
@EnableConfigurationProperties(DaprFunctionProperties.class)
public final class DaprFunctionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FunctionBindingRegistrar daprFunctionBindingRegistrar(DaprFunctionProperties properties, FunctionCatalog catalog,
			TopicEndpointRegistry registry, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<DaprOperations> dapr, Environment environment) {
		// Read like @Topic's default, so functions and handlers share one default pub/sub.
		String defaultPubsub = DaprPubSubProperties.defaultName(environment);
		List<FunctionBinding> bindings = properties.getBindings()
			.entrySet()
			.stream()
			.map((entry) -> new FunctionBinding(entry.getKey(),
					(entry.getValue().getPubsub() != null) ? entry.getValue().getPubsub() : defaultPubsub,
					(entry.getValue().getInputTopic() != null) ? entry.getValue().getInputTopic() : "",
					entry.getValue().getOutputTopic()))
			.toList();
		return new FunctionBindingRegistrar(bindings, catalog, registry,
				new CloudEventDataConverter(jsonMapper.getIfAvailable(JsonMapper::new)),
				(pubsub) -> dapr.getObject().pubsub(pubsub));
	}

}
