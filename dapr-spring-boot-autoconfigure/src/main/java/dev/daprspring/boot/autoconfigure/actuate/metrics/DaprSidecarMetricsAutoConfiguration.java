package dev.daprspring.boot.autoconfigure.actuate.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import dev.daprspring.boot.actuate.metrics.DaprSidecarMetricsBridge;
import dev.daprspring.boot.actuate.metrics.SidecarMetricsSettings;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Bridges the sidecar's Prometheus metrics into the application's {@link MeterRegistry}
 * when {@code spring-boot-micrometer-metrics} is present.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "dapr.sidecar.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DaprSidecarMetricsProperties.class)
public final class DaprSidecarMetricsAutoConfiguration {

	private static final String ENDPOINT_PROPERTY = "dapr.sidecar.metrics.endpoint";

	@Bean
	@ConditionalOnMissingBean
	DaprSidecarMetricsBridge daprSidecarMetricsBridge(MeterRegistry registry,
			DaprSidecarMetricsProperties properties, ObjectProvider<DaprConnectionDetails> connection,
			Environment environment) {
		// A container's mapped metrics port, unless the property says otherwise.
		DaprConnectionDetails details = connection.getIfAvailable();
		String known = (details != null) ? details.getMetricsEndpoint() : null;
		if (known != null && !environment.containsProperty(ENDPOINT_PROPERTY)) {
			properties.setEndpoint(known);
		}
		return new DaprSidecarMetricsBridge(registry,
				new SidecarMetricsSettings(properties.getEndpoint(), properties.getInterval(), properties.getTimeout(),
						properties.getStaleAfter(), properties.getMaxSeries(), properties.getInclude(),
						properties.getExclude()));
	}

}
