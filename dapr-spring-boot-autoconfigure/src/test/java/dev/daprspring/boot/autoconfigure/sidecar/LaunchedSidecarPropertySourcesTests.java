package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties an application takes from its launched sidecar.
 */
class LaunchedSidecarPropertySourcesTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void aRandomServerPortBecomesTheAppPortDaprdWasGiven() {
		properties(Map.of("server.port", "0"));
		try (DaprSidecar sidecar = DaprSidecar.builder("app").appPort(43210).build()) {
			LaunchedSidecarPropertySources.addTo(this.environment, sidecar, null);
		}
		assertThat(this.environment.getProperty("server.port")).isEqualTo("43210");
	}

	@Test
	void aFixedServerPortIsLeftAlone() {
		properties(Map.of("server.port", "8081"));
		try (DaprSidecar sidecar = DaprSidecar.builder("app").appPort(8081).build()) {
			LaunchedSidecarPropertySources.addTo(this.environment, sidecar, null);
		}
		assertThat(this.environment.getPropertySources().contains(LaunchedSidecarPropertySources.APP_PORT)).isFalse();
	}

	@Test
	void aGrpcAppsRandomPortIsSpringGrpcsServerPort() {
		properties(Map.of("dapr.app.protocol", "grpc", "spring.grpc.server.port", "0"));
		try (DaprSidecar sidecar = DaprSidecar.builder("app").appPort(43211).build()) {
			LaunchedSidecarPropertySources.addTo(this.environment, sidecar, null);
		}
		assertThat(this.environment.getProperty("spring.grpc.server.port")).isEqualTo("43211");
	}

	@Test
	void theAppHealthCheckTurnsProbesOnUnlessTheyAreConfigured() {
		try (DaprSidecar sidecar = DaprSidecar.builder("app").appPort(8080).appHealthCheck("/livez").build()) {
			LaunchedSidecarPropertySources.addTo(this.environment, sidecar, null);
			assertThat(this.environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
			StandardEnvironment configured = new StandardEnvironment();
			configured.getPropertySources()
				.addFirst(new MapPropertySource("own", Map.of("management.endpoint.health.probes.enabled", "false")));
			LaunchedSidecarPropertySources.addTo(configured, sidecar, null);
			assertThat(configured.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("false");
		}
	}

	@Test
	void theLaunchedMetricsEndpointReplacesAConfiguredOne() {
		properties(Map.of("dapr.sidecar.metrics.endpoint", "http://elsewhere:9090/"));
		try (DaprSidecar sidecar = DaprSidecar.builder("app").metricsPort(43212).build()) {
			LaunchedSidecarPropertySources.addTo(this.environment, sidecar, null);
		}
		assertThat(this.environment.getProperty("dapr.sidecar.metrics.endpoint")).isEqualTo("http://127.0.0.1:43212/");
	}

	@Test
	void theAppApiTokenIsRequiredUnlessOneIsConfigured() {
		properties(Map.of("dapr.app.api-token", ""));
		try (DaprSidecar sidecar = DaprSidecar.builder("app").metrics(false).build()) {
			LaunchedSidecarPropertySources.addTo(this.environment, sidecar, "sent");
			assertThat(this.environment.getProperty("dapr.app.api-token")).isEqualTo("sent");
			StandardEnvironment configured = new StandardEnvironment();
			configured.getPropertySources().addFirst(new MapPropertySource("own", Map.of("dapr.app.api-token", "own")));
			LaunchedSidecarPropertySources.addTo(configured, sidecar, "sent");
			assertThat(configured.getProperty("dapr.app.api-token")).isEqualTo("own");
		}
	}

	private void properties(Map<String, Object> properties) {
		this.environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
	}

}
