package dev.daprspring.boot.autoconfigure.client;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the connection to the Dapr sidecar.
 */
@AutoConfiguration
@EnableConfigurationProperties(DaprClientProperties.class)
public final class DaprClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(DaprConnectionDetails.class)
	PropertiesDaprConnectionDetails daprConnectionDetails(DaprClientProperties properties) {
		return new PropertiesDaprConnectionDetails(properties);
	}

}
