package dev.daprspring.boot.autoconfigure.messaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one {@link DaprAppConnectionDetails} that messaging and actors share; imported by
 * both auto-configurations, since either may run without the other.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DaprAppProperties.class)
public class DaprAppConnectionDetailsConfiguration {

	@Bean
	@ConditionalOnMissingBean(DaprAppConnectionDetails.class)
	PropertiesDaprAppConnectionDetails daprAppConnectionDetails(DaprAppProperties properties,
			Environment environment) {
		return new PropertiesDaprAppConnectionDetails(properties, environment);
	}

}
