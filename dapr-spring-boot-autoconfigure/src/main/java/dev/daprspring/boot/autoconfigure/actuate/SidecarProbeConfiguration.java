package dev.daprspring.boot.autoconfigure.actuate;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.actuate.SidecarProbe;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link SidecarProbe} (and its HTTP client) that the health indicator and the
 * {@code dapr} endpoint share; imported by both auto-configurations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DaprActuatorProperties.class)
public class SidecarProbeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SidecarProbe daprSidecarProbe(DaprConnectionDetails connection, DaprActuatorProperties properties,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new SidecarProbe(connection, jsonMapper.getIfAvailable(JsonMapper::new), properties.getTimeout());
	}

}
