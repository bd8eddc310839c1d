package dev.daprspring.boot.autoconfigure.actuate.health;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.autoconfigure.actuate.DaprActuatorProperties;
import dev.daprspring.boot.autoconfigure.actuate.SidecarProbe;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code dapr} health indicator when {@code spring-boot-health} is present
 * ({@code management.health.dapr.enabled=false} turns it off).
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(DaprConnectionDetails.class)
@ConditionalOnEnabledHealthIndicator("dapr")
@EnableConfigurationProperties(DaprActuatorProperties.class)
public final class DaprHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "daprHealthIndicator")
	DaprHealthIndicator daprHealthIndicator(DaprConnectionDetails connection, DaprActuatorProperties properties,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new DaprHealthIndicator(
				new SidecarProbe(connection, jsonMapper.getIfAvailable(JsonMapper::new), properties.getTimeout()));
	}

}
