package dev.daprspring.boot.autoconfigure.sidecar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.DaprSidecarException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * {@code spring.config.import=dapr:secretstore/...} reading from the sidecar the
 * application launches for itself, with component files of its own that read their
 * settings from {@code dapr.sidecar.environment} through {@code envRef}.
 */
class LaunchedSidecarConfigImportIntegrationTests {

	@TempDir
	Path folder;

	@Test
	void theLaunchedSidecarFeedsTheImportAndIsTheApplicationsOnlySidecar() throws IOException {
		Path components = components();
		DaprSidecar sidecar;
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run("--dapr.sidecar.launch=always",
				"--dapr.sidecar.resources-paths=" + components,
				"--dapr.sidecar.environment.SECRETS_FILE=" + this.folder.resolve("secrets.json"),
				"--spring.config.import=dapr:secretstore/files,dapr:secretstore/files/db-password")) {
			assertThat(context.getEnvironment().getProperty("db-password")).isEqualTo("s3cret");
			assertThat(context.getEnvironment().getProperty("db.user")).isEqualTo("app");
			assertThat(context.getBeansOfType(DaprSidecar.class)).hasSize(1);
			sidecar = context.getBean(DaprSidecar.class);
			assertThat(sidecar.isRunning()).isTrue();
			assertThat(sidecar.appPort()).isNull();
			assertThat(context.getBean(DaprSidecarConnectionDetails.class).getGrpcEndpoint())
				.isEqualTo(sidecar.grpcEndpoint());
		}
		assertThat(sidecar.isRunning()).isFalse();
	}

	@Test
	void aRandomServerPortChosenAtImportBecomesTheServersPort() throws IOException {
		Path components = components();
		try (ConfigurableApplicationContext context = app(WebApplicationType.SERVLET).run(
				"--dapr.sidecar.launch=always", "--server.port=0", "--dapr.sidecar.resources-paths=" + components,
				"--dapr.sidecar.environment.SECRETS_FILE=" + this.folder.resolve("secrets.json"),
				"--spring.config.import=dapr:secretstore/files")) {
			DaprSidecar sidecar = context.getBean(DaprSidecar.class);
			assertThat(context.getEnvironment().getProperty("db-password")).isEqualTo("s3cret");
			assertThat(sidecar.appPort())
				.isEqualTo(context.getEnvironment().getProperty("local.server.port", Integer.class));
		}
	}

	@Test
	void aComponentFileWhoseEnvRefIsNotSetFailsTheImport() throws IOException {
		Path components = components();
		// Without SECRETS_FILE the store cannot load: daprd exits, and startup fails naming it.
		assertThatException()
			.isThrownBy(() -> app(WebApplicationType.NONE).run("--dapr.sidecar.launch=always",
					"--dapr.sidecar.resources-paths=" + components, "--spring.config.import=dapr:secretstore/files"))
			.isInstanceOf(DaprSidecarException.class)
			.withMessageContaining("exited with code 1 before it was ready")
			.withMessageContaining("missing local secrets file");
	}

	@Test
	void aFailedImportStopsTheSidecarItLaunched() throws IOException {
		Path components = components();
		String appId = "failed-import-" + ProcessHandle.current().pid();
		assertThatException()
			.isThrownBy(() -> app(WebApplicationType.NONE).run("--dapr.sidecar.launch=always",
					"--dapr.sidecar.app-id=" + appId, "--dapr.sidecar.resources-paths=" + components,
					"--dapr.sidecar.environment.SECRETS_FILE=" + this.folder.resolve("secrets.json"),
					"--spring.config.import=dapr:secretstore/files/no-such-secret"))
			.withMessageContaining("no-such-secret");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains("--app-id " + appId + " ")))
			.isEmpty());
	}

	private Path components() throws IOException {
		Files.writeString(this.folder.resolve("secrets.json"), """
				{"db-password": "s3cret", "db": {"user": "app"}}
				""");
		Path components = Files.createDirectories(this.folder.resolve("components"));
		Files.writeString(components.resolve("secretstore.yaml"), """
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: files
				spec:
				  type: secretstores.local.file
				  version: v1
				  metadata:
				  - name: secretsFile
				    envRef: SECRETS_FILE
				""");
		return components;
	}

	private static SpringApplicationBuilder app(WebApplicationType type) {
		return new SpringApplicationBuilder(TestApp.class).web(type).logStartupInfo(false);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApp {

	}

}
