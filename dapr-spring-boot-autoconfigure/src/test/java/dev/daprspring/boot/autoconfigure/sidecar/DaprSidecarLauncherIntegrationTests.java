package dev.daprspring.boot.autoconfigure.sidecar;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.client.PropertiesDaprConnectionDetails;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.DaprdNotFoundException;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.core.DaprOperations;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code dapr.sidecar.launch} in real applications, against a real daprd.
 */
class DaprSidecarLauncherIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void alwaysLaunchesASidecarThatBecomesTheConnectionAndStopsWithTheContext() throws Exception {
		DaprSidecar sidecar;
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run("--dapr.sidecar.launch=always",
				"--spring.application.name=launched.app")) {
			sidecar = context.getBean(DaprSidecar.class);
			assertThat(sidecar.isRunning()).isTrue();
			assertThat(sidecar.appId()).isEqualTo("launched-app");
			assertThat(sidecar.appPort()).isNull();
			DaprConnectionDetails details = context.getBean(DaprConnectionDetails.class);
			assertThat(details).isInstanceOf(DaprSidecarConnectionDetails.class);
			assertThat(details.getHttpEndpoint()).isEqualTo(sidecar.httpEndpoint());
			JsonNode metadata = metadata(details.getHttpEndpoint());
			assertThat(metadata.path("components").valueStream().map((c) -> c.path("name").asString()))
				.containsExactlyInAnyOrder("statestore", "pubsub");
		}
		assertThat(sidecar.isRunning()).isFalse();
	}

	@Test
	void aClientApiTokenGivenAloneBecomesTheLaunchedSidecarsToken() {
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run("--dapr.sidecar.launch=always",
				"--dapr.client.api-token=client-chosen-token")) {
			assertThat(context.getBean(DaprSidecar.class).apiToken()).isEqualTo("client-chosen-token");
			assertThat(context.getBean(DaprConnectionDetails.class).getApiToken()).isEqualTo("client-chosen-token");
			// A call with it succeeds: the sidecar runs with the same token.
			assertThat(context.getBean(DaprOperations.class).metadata().appId()).isEqualTo("application");
		}
	}

	@Test
	void aRandomServerPortIsChosenUpFrontAndDaprdReachesTheApp() throws Exception {
		try (ConfigurableApplicationContext context = app(WebApplicationType.SERVLET)
			.run("--dapr.sidecar.launch=always", "--server.port=0", "--spring.application.name=webapp")) {
			DaprSidecar sidecar = context.getBean(DaprSidecar.class);
			int serverPort = context.getEnvironment().getProperty("local.server.port", Integer.class);
			assertThat(sidecar.appPort()).isEqualTo(serverPort);
			JsonNode metadata = metadata(sidecar.httpEndpoint());
			assertThat(metadata.path("appConnectionProperties").path("port").asInt()).isEqualTo(serverPort);
			HttpResponse<Void> health = this.http.send(
					HttpRequest.newBuilder(URI.create(sidecar.httpEndpoint() + "/v1.0/healthz")).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(health.statusCode()).isEqualTo(204);
		}
	}

	@Test
	void autoLeavesARunningSidecarAlone() {
		try (DaprSidecar running = DaprSidecar.builder("already")
			.component(DaprComponents.inMemoryState("statestore"))
			.start();
				ConfigurableApplicationContext context = app(WebApplicationType.NONE).run(
						"--dapr.sidecar.launch=auto", "--dapr.client.http-endpoint=" + running.httpEndpoint(),
						"--dapr.client.grpc-endpoint=" + running.grpcEndpoint())) {
			assertThat(context.getBeansOfType(DaprSidecar.class)).isEmpty();
			DaprConnectionDetails details = context.getBean(DaprConnectionDetails.class);
			assertThat(details).isInstanceOf(PropertiesDaprConnectionDetails.class);
			assertThat(details.getGrpcEndpoint()).isEqualTo(running.grpcEndpoint());
		}
	}

	@Test
	void autoLaunchesWhenNothingAnswersAndNoEndpointIsGiven() {
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run("--dapr.sidecar.launch=auto")) {
			assertThat(context.getBean(DaprSidecar.class).isRunning()).isTrue();
		}
	}

	@Test
	void autoStandsAsideForAnExplicitEndpointEvenWhenNothingAnswersThere() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run("--dapr.sidecar.launch=auto",
				"--dapr.client.http-endpoint=http://127.0.0.1:" + closedPort)) {
			assertThat(context.getBeansOfType(DaprSidecar.class)).isEmpty();
			assertThat(context.getBean(DaprConnectionDetails.class).getHttpEndpoint())
				.isEqualTo("http://127.0.0.1:" + closedPort);
		}
	}

	@Test
	void autoStandsAsideInATestSliceWithoutAutoConfiguration() {
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run("--dapr.sidecar.launch=auto",
				"--spring.boot.enableautoconfiguration=false")) {
			assertThat(context.getBeansOfType(DaprSidecar.class)).isEmpty();
		}
	}

	@Test
	void neverIsTheDefault() {
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run()) {
			assertThat(context.getBeansOfType(DaprSidecar.class)).isEmpty();
		}
	}

	@Test
	void aMissingDaprdStopsStartupWithOneClearMessage() {
		assertThatExceptionOfType(DaprdNotFoundException.class)
			.isThrownBy(() -> app(WebApplicationType.NONE).run("--dapr.sidecar.launch=always",
					"--dapr.sidecar.binary=/nonexistent/daprd"))
			.withMessageContaining("/nonexistent/daprd")
			.withMessageContaining("dapr init --slim")
			.withNoCause();
	}

	private JsonNode metadata(String httpEndpoint) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(httpEndpoint + "/v1.0/metadata")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static SpringApplicationBuilder app(WebApplicationType type) {
		return new SpringApplicationBuilder(TestApp.class).web(type).logStartupInfo(false);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApp {

	}

}
