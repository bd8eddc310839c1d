package dev.daprspring.boot.autoconfigure.sidecar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the launched daprd runs with, read from the application's properties.
 */
class LaunchedSidecarSettingsTests {

	@Test
	void theAppIdIsTheApplicationNameWithoutDots() {
		DaprSidecarProperties properties = new DaprSidecarProperties();
		assertThat(LaunchedSidecarSettings.appId(properties, binder(Map.of()))).isEqualTo("application");
		assertThat(LaunchedSidecarSettings.appId(properties, binder(Map.of("spring.application.name", "my.app"))))
			.isEqualTo("my-app");
		properties.setAppId("orders");
		assertThat(LaunchedSidecarSettings.appId(properties, binder(Map.of("spring.application.name", "my.app"))))
			.isEqualTo("orders");
	}

	@Test
	void theAppPortIsTheServerPortOfAWebApplicationOnly() {
		DaprSidecarProperties properties = new DaprSidecarProperties();
		assertThat(LaunchedSidecarSettings.appPort(properties, binder(Map.of()), WebApplicationType.NONE)).isNull();
		assertThat(LaunchedSidecarSettings.appPort(properties, binder(Map.of()), WebApplicationType.SERVLET))
			.isEqualTo(8080);
		assertThat(LaunchedSidecarSettings.appPort(properties, binder(Map.of("server.port", "0")),
				WebApplicationType.SERVLET))
			.isPositive();
		properties.setAppPort(0);
		assertThat(LaunchedSidecarSettings.appPort(properties, binder(Map.of()), WebApplicationType.SERVLET)).isNull();
	}

	@Test
	void aGrpcAppIsCalledOnTheGrpcServerPort() {
		Binder binder = binder(Map.of("dapr.app.protocol", "grpc", "spring.grpc.server.port", "9191"));
		assertThat(LaunchedSidecarSettings.appPort(new DaprSidecarProperties(), binder, WebApplicationType.NONE))
			.isEqualTo(9191);
		assertThat(LaunchedSidecarSettings.properties(binder).getAppProtocol()).isEqualTo("grpc");
	}

	@Test
	void aClientTokenGivenAloneBecomesTheSidecarsTokenWhenOneIsLaunched() {
		assertThat(LaunchedSidecarSettings
			.properties(binder(Map.of("dapr.sidecar.launch", "always", "dapr.client.api-token", "t")))
			.getApiToken()).isEqualTo("t");
		assertThat(LaunchedSidecarSettings
			.properties(binder(Map.of("dapr.sidecar.launch", "always", "dapr.client.api-token", "t",
					"dapr.sidecar.api-token", "s")))
			.getApiToken()).isEqualTo("s");
		assertThat(LaunchedSidecarSettings.properties(binder(Map.of("dapr.client.api-token", "t"))).getApiToken())
			.isNull();
	}

	@Test
	void theBuilderCarriesThePropertiesAndTheAppHealthCheckOnlyWithAnAppPort() {
		DaprSidecarProperties properties = new DaprSidecarProperties();
		properties.setApiToken("token");
		properties.getAppHealthCheck().setEnabled(true);
		try (DaprSidecar withPort = LaunchedSidecarSettings.builder(properties, "app", 8080).build();
				DaprSidecar withoutPort = LaunchedSidecarSettings.builder(properties, "app", null).build()) {
			assertThat(withPort.appId()).isEqualTo("app");
			assertThat(withPort.apiToken()).isEqualTo("token");
			assertThat(withPort.appPort()).isEqualTo(8080);
			assertThat(withPort.appHealthCheckPath()).isEqualTo(properties.getAppHealthCheck().getPath());
			assertThat(withoutPort.appHealthCheckPath()).isNull();
		}
	}

	@Test
	void anUnreadableConfigurationFileIsNamed(@TempDir Path folder) {
		DaprSidecarProperties properties = new DaprSidecarProperties();
		properties.setConfig(folder.resolve("missing.yaml"));
		assertThatIllegalStateException().isThrownBy(() -> LaunchedSidecarSettings.builder(properties, "app", null))
			.withMessageContaining("Cannot read dapr.sidecar.config " + folder.resolve("missing.yaml"));
	}

	@Test
	void placementWithTheUsersOwnStoresNeedsOneMarkedForActorState(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("store.yaml"), """
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: plain
				spec:
				  type: state.in-memory
				  version: v1
				""");
		DaprSidecarProperties properties = new DaprSidecarProperties();
		properties.getResourcesPaths().add(folder);
		assertThatIllegalStateException()
			.isThrownBy(() -> LaunchedSidecarSettings.placement(DaprSidecar.builder("app"), properties,
					"127.0.0.1:50005"))
			.withMessageContaining("none of the state stores")
			.withMessageContaining("plain (state.in-memory, store.yaml)");
	}

	private static Binder binder(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties));
	}

}
