package dev.daprspring.boot.autoconfigure.sidecar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.autoconfigure.actuate.metrics.DaprSidecarMetricsAutoConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.test.testcontainers.DaprContainer;
import dev.daprspring.boot.test.testcontainers.RequiresDockerImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real daprd container, wired into a Spring Boot test through
 * {@code @ServiceConnection}.
 */
@RequiresDockerImages
@Testcontainers
@SpringBootTest(classes = DaprContainerIntegrationTests.TestConfiguration.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=auto", "dapr.sidecar.metrics.interval=500ms" })
class DaprContainerIntegrationTests {

	private static final String TOKEN = "container-token";

	@Container
	@ServiceConnection
	static final DaprContainer dapr = new DaprContainer().withAppId("containers")
		.withComponent(DaprComponents.inMemoryState("statestore"))
		.withApiToken(TOKEN);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private DaprConnectionDetails connectionDetails;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ApplicationContext context;

	@Test
	void autoLaunchesNoSidecarBesideTheServiceConnection() {
		assertThat(this.context.getBeansOfType(DaprSidecar.class)).isEmpty();
		assertThat(this.context.getBeansOfType(DaprConnectionDetails.class)).hasSize(1);
	}

	@Test
	void theApplicationIsConnectedToTheContainer() {
		assertThat(this.connectionDetails.getHttpEndpoint()).isEqualTo(dapr.getHttpEndpoint());
		assertThat(this.connectionDetails.getGrpcEndpoint()).isEqualTo(dapr.getGrpcEndpoint());
		assertThat(this.connectionDetails.getApiToken()).isEqualTo(TOKEN);
	}

	@Test
	void savesAndReadsStateThroughTheHttpApi() throws Exception {
		String state = this.connectionDetails.getHttpEndpoint() + "/v1.0/state/statestore";
		HttpResponse<String> saved = send(HttpRequest.newBuilder(URI.create(state))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("[{\"key\":\"order-1\",\"value\":{\"total\":42}}]")), TOKEN);
		assertThat(saved.statusCode()).isEqualTo(204);
		HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(state + "/order-1")).GET(), TOKEN);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(read.body()).path("total").asInt()).isEqualTo(42);
	}

	@Test
	void metadataShowsTheAppIdAndTheCopiedComponent() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(dapr.getHttpEndpoint() + "/v1.0/metadata")).GET(), TOKEN);
		JsonNode metadata = this.json.readTree(response.body());
		assertThat(metadata.path("id").asString()).isEqualTo("containers");
		assertThat(metadata.path("components").findValuesAsString("name")).contains("statestore");
	}

	@Test
	void callsWithoutTheTokenAreRejected() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(dapr.getHttpEndpoint() + "/v1.0/state/statestore/order-1")).GET(),
				null);
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
		if (token != null) {
			request.header("dapr-api-token", token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theMetricsBridgeReadsTheContainersMappedMetricsPort() {
		assertThat(this.connectionDetails.getMetricsEndpoint()).isEqualTo(dapr.getMetricsEndpoint());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.meters.getMeters().stream().anyMatch((meter) -> meter.getId().getName()
				.startsWith("dapr.sidecar.")));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DaprClientAutoConfiguration.class, DaprSidecarMetricsAutoConfiguration.class })
	static class TestConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
