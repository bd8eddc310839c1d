package dev.daprspring.boot.autoconfigure.configuration;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.core.DaprOperations;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that publishes changes of the configuration stores named by
 * {@code dapr.configuration.subscriptions} as {@link DaprConfigurationChangedEvent}s.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnBean(DaprOperations.class)
@EnableConfigurationProperties(DaprConfigurationProperties.class)
public final class DaprConfigurationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DaprConfigurationSubscriptions daprConfigurationSubscriptions(DaprOperations dapr,
			DaprConfigurationProperties properties, ApplicationEventPublisher publisher) {
		return new DaprConfigurationSubscriptions(dapr, properties.getSubscriptions(), publisher);
	}

}
