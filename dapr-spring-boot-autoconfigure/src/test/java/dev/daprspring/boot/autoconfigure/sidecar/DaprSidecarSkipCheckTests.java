package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.LaunchMode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@code dapr.sidecar.launch} leaves daprd unlaunched.
 */
class DaprSidecarSkipCheckTests {

	private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

	@Test
	void neverSkipsAndAlwaysLaunchesWhateverIsConfigured() {
		Binder explicit = binder(Map.of("dapr.client.grpc-endpoint", "http://127.0.0.1:1"));
		assertThat(DaprSidecarSkipCheck.shouldSkip(properties(LaunchMode.NEVER), binder(Map.of()))).isTrue();
		assertThat(DaprSidecarSkipCheck.shouldSkip(properties(LaunchMode.ALWAYS), explicit)).isFalse();
		this.beans.registerBeanDefinition("details", new RootBeanDefinition(DaprSidecarConnectionDetails.class));
		assertThat(DaprSidecarSkipCheck.shouldSkip(properties(LaunchMode.ALWAYS), explicit, this.beans)).isFalse();
	}

	@Test
	void autoStandsAsideForEveryExplicitEndpoint() {
		for (String property : new String[] { "dapr.client.grpc-endpoint", "dapr.client.http-endpoint",
				"dapr.grpc.endpoint", "dapr.http.endpoint" }) {
			assertThat(DaprSidecarSkipCheck.shouldSkip(properties(LaunchMode.AUTO),
					binder(Map.of(property, "http://127.0.0.1:1"))))
				.as(property)
				.isTrue();
		}
	}

	@Test
	void autoStandsAsideInATestSliceWithoutAutoConfiguration() {
		assertThat(DaprSidecarSkipCheck.shouldSkip(properties(LaunchMode.AUTO),
				binder(Map.of("spring.boot.enableautoconfiguration", "false"))))
			.isTrue();
	}

	@Test
	void autoStandsAsideForConnectionDetailsDefinedElsewhere() {
		this.beans.registerBeanDefinition("serviceConnection", new RootBeanDefinition(DaprConnectionDetails.class));
		assertThat(DaprSidecarSkipCheck.shouldSkip(properties(LaunchMode.AUTO),
				binder(Map.of("spring.boot.enableautoconfiguration", "false")), this.beans))
			.isTrue();
		assertThat(DaprSidecarSkipCheck.shouldSkip(properties(LaunchMode.AUTO), binder(Map.of()), this.beans))
			.isTrue();
	}

	private static DaprSidecarProperties properties(LaunchMode launch) {
		DaprSidecarProperties properties = new DaprSidecarProperties();
		properties.setLaunch(launch);
		return properties;
	}

	private static Binder binder(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties));
	}

}
