package dev.daprspring.boot.autoconfigure.invoke;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.invoke.DaprServiceInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for service invocation: a {@link DaprServiceInvocation} built from
 * Boot's {@code RestClient.Builder} when {@code spring-boot-restclient} provides one, and
 * a bean for each {@link DaprServiceClient} interface. Needs the sidecar connection of
 * {@link DaprClientAutoConfiguration}.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class,
		afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnBean(DaprClientOptions.class)
@EnableConfigurationProperties(DaprInvokeProperties.class)
@Import(DaprServiceClientsRegistrar.class)
public final class DaprServiceInvocationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DaprServiceInvocation daprServiceInvocation(DaprClientOptions options,
			ObjectProvider<RestClient.Builder> restClientBuilder) {
		return new DaprServiceInvocation(options, restClientBuilder.getIfAvailable(RestClient::builder));
	}

}
