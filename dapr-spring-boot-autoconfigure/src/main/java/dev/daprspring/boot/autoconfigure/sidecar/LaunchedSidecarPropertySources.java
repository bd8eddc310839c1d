package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.util.StringUtils;

/**
 * The properties an application takes from the daprd launched for it, added to its
 * environment when it adopts the sidecar: what daprd was launched with must also be what
 * the application serves and expects.
 */
final class LaunchedSidecarPropertySources {

	static final String APP_PORT = "daprSidecarAppPort";

	static final String APP_HEALTH_CHECK = "daprSidecarAppHealthCheck";

	static final String METRICS = "daprSidecarMetrics";

	static final String APP_API_TOKEN = "daprSidecarAppApiToken";

	private static final String PROBES_PROPERTY = "management.endpoint.health.probes.enabled";

	private LaunchedSidecarPropertySources() {
	}

	static void addTo(ConfigurableEnvironment environment, DaprSidecar sidecar, @Nullable String appApiToken) {
		MutablePropertySources sources = environment.getPropertySources();
		Integer appPort = sidecar.appPort();
		String portProperty = LaunchedSidecarSettings.grpcApp(Binder.get(environment))
				? LaunchedSidecarSettings.GRPC_PORT_PROPERTY : "server.port";
		if (appPort != null && environment.getProperty(portProperty, Integer.class, 8080) == 0) {
			// A random server port is only known after the server starts, but daprd needed
			// it at launch: the port chosen then becomes the server's.
			sources.addFirst(new MapPropertySource(APP_PORT, Map.of(portProperty, appPort)));
		}
		if (sidecar.appHealthCheckPath() != null && !environment.containsProperty(PROBES_PROPERTY)) {
			// The default path is the liveness group, which Boot only serves with probes on.
			sources.addLast(new MapPropertySource(APP_HEALTH_CHECK, Map.of(PROBES_PROPERTY, "true")));
		}
		String metricsEndpoint = sidecar.metricsEndpoint();
		if (metricsEndpoint != null) {
			// The launched sidecar's metrics port is chosen free: it replaces any configured one.
			sources.addFirst(new MapPropertySource(METRICS, Map.of("dapr.sidecar.metrics.endpoint", metricsEndpoint)));
		}
		// An empty dapr.app.api-token counts as unset: it must not switch the check off, so this source goes first.
		if (appApiToken != null && !StringUtils.hasText(environment.getProperty("dapr.app.api-token"))) {
			// The app requires the token its own sidecar sends.
			sources.addFirst(new MapPropertySource(APP_API_TOKEN, Map.of("dapr.app.api-token", appApiToken)));
		}
	}

}
