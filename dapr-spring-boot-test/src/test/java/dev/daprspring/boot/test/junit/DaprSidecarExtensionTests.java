package dev.daprspring.boot.test.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;

import static org.assertj.core.api.Assertions.assertThat;

class DaprSidecarExtensionTests {

	@Test
	void theMetricsEndpointIsRegisteredBesideTheClientEndpoints() {
		Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
		new DaprSidecarExtension(DaprSidecar.builder("orders").httpPort(3600).grpcPort(3601).metricsPort(9191))
			.registerProperties(properties::put);
		assertThat(properties).containsOnlyKeys("dapr.client.grpc-endpoint", "dapr.client.http-endpoint",
				"dapr.sidecar.metrics.endpoint");
		assertThat(properties.get("dapr.sidecar.metrics.endpoint").get()).isEqualTo("http://127.0.0.1:9191/");
	}

	@Test
	void aSidecarWithoutMetricsRegistersNoMetricsEndpoint() {
		Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
		new DaprSidecarExtension(DaprSidecar.builder("orders").metrics(false)).registerProperties(properties::put);
		assertThat(properties).doesNotContainKey("dapr.sidecar.metrics.endpoint");
	}

}
