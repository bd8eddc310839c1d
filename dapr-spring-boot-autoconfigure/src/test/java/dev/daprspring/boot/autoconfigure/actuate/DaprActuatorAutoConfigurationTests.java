package dev.daprspring.boot.autoconfigure.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.actuate.endpoint.DaprEndpoint;
import dev.daprspring.boot.autoconfigure.actuate.endpoint.DaprEndpointAutoConfiguration;
import dev.daprspring.boot.autoconfigure.actuate.health.DaprHealthContributorAutoConfiguration;
import dev.daprspring.boot.actuate.health.DaprHealthIndicator;
import dev.daprspring.boot.autoconfigure.actuate.metrics.DaprSidecarMetricsAutoConfiguration;
import dev.daprspring.boot.actuate.metrics.DaprSidecarMetricsBridge;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.messaging.DaprMessagingAutoConfiguration;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DaprActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class,
				DaprMessagingAutoConfiguration.class, DaprHealthContributorAutoConfiguration.class,
				DaprEndpointAutoConfiguration.class, DaprSidecarMetricsAutoConfiguration.class))
		.withPropertyValues("dapr.client.grpc-endpoint=http://127.0.0.1:1",
				"dapr.client.http-endpoint=http://127.0.0.1:1");

	@Test
	void theHealthIndicatorIsNamedDaprAndCanBeTurnedOff() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DaprHealthIndicator.class)
			.hasBean("daprHealthIndicator"));
		this.contextRunner.withPropertyValues("management.health.dapr.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DaprHealthIndicator.class));
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DaprHealthIndicator.class));
	}

	@Test
	void withoutSpringBootHealthThereIsNoIndicator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DaprHealthIndicator.class));
	}

	@Test
	void theEndpointExistsOnlyWhenExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DaprEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=dapr")
			.run((context) -> assertThat(context).hasSingleBean(DaprEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=dapr")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DaprEndpoint.class));
	}

	@Test
	void theEndpointWorksWithoutMessagingOnTheClasspath() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=dapr")
			.withClassLoader(new FilteredClassLoader(TopicEndpointRegistry.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(DaprEndpoint.class);
				DaprEndpoint.DaprDescriptor dapr = context.getBean(DaprEndpoint.class).dapr();
				assertThat(dapr.application().topics()).isEmpty();
				assertThat(dapr.sidecar()).containsKey("error");
			});
	}

	@Test
	void theEndpointMasksTheApiToken() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=dapr", "dapr.client.api-token=s3cr3t-token")
			.run((context) -> {
				DaprEndpoint.DaprDescriptor dapr = context.getBean(DaprEndpoint.class).dapr();
				assertThat(dapr.client().apiToken()).isEqualTo("******");
				assertThat(dapr.client().resilience().enabled()).isTrue();
				assertThat(dapr.client().resilience().circuitBreakers()).containsEntry("state", "CLOSED")
					.containsEntry("actors", "CLOSED")
					.containsEntry("jobs", "CLOSED")
					.containsEntry("crypto", "CLOSED");
				assertThat(dapr.toString()).doesNotContain("s3cr3t");
			});
	}

	@Test
	void theMetricsBridgeNeedsAMeterRegistryAndCanBeTurnedOff() {
		ApplicationContextRunner metrics = this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new);
		metrics.run((context) -> assertThat(context).hasSingleBean(DaprSidecarMetricsBridge.class));
		metrics.withPropertyValues("dapr.sidecar.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DaprSidecarMetricsBridge.class));
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DaprSidecarMetricsBridge.class));
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withClassLoader(new FilteredClassLoader(MetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DaprSidecarMetricsBridge.class));
	}

	@Test
	void invalidBridgeSettingsFailStartupNamingTheProperty() {
		ApplicationContextRunner metrics = this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new);
		metrics.withPropertyValues("dapr.sidecar.metrics.interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("dapr.sidecar.metrics.interval is PT0S; it must be positive"));
		metrics.withPropertyValues("dapr.sidecar.metrics.endpoint=127.0.0.1:9090")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("dapr.sidecar.metrics.endpoint is '127.0.0.1:9090'; it must be an http URL"));
	}

}
