package dev.daprspring.boot.autoconfigure.client;

import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprCallPolicy;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.client.ResilientCallPolicy;
import dev.daprspring.core.observation.DaprClientObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for the connection to the Dapr sidecar and {@link DaprTemplate}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@EnableConfigurationProperties({ DaprClientProperties.class, DaprStateProperties.class,
		DaprResilienceProperties.class, DaprPubSubProperties.class })
public final class DaprClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(DaprConnectionDetails.class)
	PropertiesDaprConnectionDetails daprConnectionDetails(DaprClientProperties properties) {
		return new PropertiesDaprConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	DaprClientOptions daprClientOptions(DaprConnectionDetails connection, DaprClientProperties properties) {
		return new DaprClientOptions(connection.getGrpcEndpoint(), connection.getHttpEndpoint(),
				connection.getApiToken(), properties.getTimeout(), (int) properties.getMaxMessageSize().toBytes(),
				properties.getKeepAliveTime(), properties.getKeepAliveTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(DaprCallPolicy.class)
	@ConditionalOnBooleanProperty(name = "dapr.client.resilience.enabled", matchIfMissing = true)
	ResilientCallPolicy daprCallPolicy(DaprResilienceProperties properties) {
		return new ResilientCallPolicy(properties::settingsFor);
	}

	@Bean
	@ConditionalOnMissingBean
	DaprTransport daprTransport(DaprClientOptions options, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<DaprClientObservationConvention> observationConvention,
			ObjectProvider<DaprCallPolicy> callPolicy) {
		DaprTransport transport = new DaprTransport(options);
		observationRegistry.ifAvailable(transport::setObservationRegistry);
		observationConvention.ifAvailable(transport::setObservationConvention);
		callPolicy.ifAvailable(transport::setCallPolicy);
		return transport;
	}

	@Bean
	@ConditionalOnMissingBean(DaprOperations.class)
	DaprTemplate daprTemplate(DaprTransport transport, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<RestClient.Builder> restClientBuilder, DaprStateProperties state,
			DaprPubSubProperties pubsub) {
		DaprTemplate template = new DaprTemplate(transport, jsonMapper.getIfAvailable(JsonMapper::new));
		template.setDefaultStateStore(state.getDefaultStore());
		template.setDefaultPubsub(pubsub.getDefaultName());
		// Boot's builder carries the application's message converters and JSON mapper.
		restClientBuilder.ifAvailable(template::setRestClientBuilder);
		return template;
	}

}
