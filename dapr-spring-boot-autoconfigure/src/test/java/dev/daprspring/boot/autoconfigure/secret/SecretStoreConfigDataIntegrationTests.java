package dev.daprspring.boot.autoconfigure.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprPermissionDeniedException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code spring.config.import=dapr:secretstore/...} against a real daprd, started before
 * the application as the import needs.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretStoreConfigDataIntegrationTests {

	static final String TOKEN = "import-token";

	@TempDir
	static Path folder;

	static DaprSidecar sidecar;

	@BeforeAll
	static void start() throws IOException {
		Path file = Files.writeString(folder.resolve("secrets.json"), """
				{"db-password": "s3cret", "db": {"user": "app", "password": "pw"}}
				""");
		sidecar = DaprSidecar.builder("secret-import")
			.component(DaprComponents.localFileSecretStore("files", file))
			.component(DaprComponents.localFileSecretStore("multi", file).withMetadata("multiValued", "true"))
			.apiToken(TOKEN)
			.start();
	}

	@AfterAll
	static void stop() {
		sidecar.close();
	}

	@Test
	void everySecretOfAStoreBecomesAProperty() {
		try (ConfigurableApplicationContext context = run("dapr:secretstore/files")) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("db-password")).isEqualTo("s3cret");
			// "db:user" of the flat local file store
			assertThat(environment.getProperty("db.user")).isEqualTo("app");
			assertThat(context.getBean(DbSettings.class).user).isEqualTo("app");
			assertThat(context.getBean(DbSettings.class).password).isEqualTo("pw");
			assertThat(context.getEnvironment().getPropertySources().contains("dapr:secretstore/files")).isTrue();
		}
	}

	@Test
	void valuesOfAMultiValuedSecretAreNestedUnderIt() {
		try (ConfigurableApplicationContext context = run("dapr:secretstore/multi")) {
			assertThat(context.getBean(DbSettings.class).user).isEqualTo("app");
			assertThat(context.getBean(DbSettings.class).password).isEqualTo("pw");
			assertThat(context.getEnvironment().getProperty("db-password")).isEqualTo("s3cret");
		}
	}

	@Test
	void aKeyImportsOneSecret() {
		try (ConfigurableApplicationContext context = run("dapr:secretstore/multi/db")) {
			assertThat(context.getBean(DbSettings.class).password).isEqualTo("pw");
			assertThat(context.getEnvironment().containsProperty("db-password")).isFalse();
		}
	}

	@Test
	void anOptionalImportFromAnUnreachableSidecarIsSkipped(CapturedOutput output) {
		String endpoint = "http://127.0.0.1:" + Ports.free();
		try (ConfigurableApplicationContext context = run("optional:dapr:secretstore/files", endpoint, TOKEN)) {
			assertThat(context.getEnvironment().containsProperty("db-password")).isFalse();
		}
		assertThat(output).contains("Skipping optional config import 'dapr:secretstore/files' (Dapr sidecar at "
				+ endpoint + ")");
	}

	@Test
	void anOptionalImportOfAnUnknownStoreIsSkipped(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("optional:dapr:secretstore/vault")) {
			assertThat(context.getEnvironment().containsProperty("db-password")).isFalse();
		}
		assertThat(output).contains("Skipping optional config import 'dapr:secretstore/vault'")
			.contains("No secret store named 'vault'");
		// Spring asks again once profiles are active; the store is not asked twice.
		assertThat(output.toString().split("Skipping optional config import", -1)).hasSize(2);
	}

	@Test
	void anUnknownStoreFailsTheStartupNamingTheStoresTheSidecarHas(CapturedOutput output) {
		assertThatExceptionOfType(DaprSecretStoreImportException.class)
			.isThrownBy(() -> run("dapr:secretstore/vault"))
			.withMessageStartingWith("Could not import 'dapr:secretstore/vault' from the Dapr sidecar at "
					+ sidecar.grpcEndpoint())
			.withMessageContaining("No secret store named 'vault'")
			.withMessageContaining("files (secretstores.local.file)")
			.withMessageContaining("give daprd a secret store component of that name")
			.withMessageContaining("write 'optional:dapr:secretstore/vault'")
			.withCauseInstanceOf(DaprComponentNotFoundException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Could not import 'dapr:secretstore/vault'")
			.contains("Action:");
	}

	@Test
	void anUnreachableSidecarFailsTheStartupSayingWhatToDo() {
		String endpoint = "http://127.0.0.1:" + Ports.free();
		assertThatExceptionOfType(DaprSecretStoreImportException.class)
			.isThrownBy(() -> run("dapr:secretstore/files", endpoint, TOKEN))
			.withMessageContaining("Could not import 'dapr:secretstore/files' from the Dapr sidecar at " + endpoint)
			.withMessageContaining("Start daprd before the application")
			.withMessageContaining("dapr.client.grpc-endpoint")
			.withCauseInstanceOf(DaprSidecarUnavailableException.class);
	}

	@Test
	void aMissingSecretFailsTheStartup() {
		assertThatExceptionOfType(DaprSecretStoreImportException.class)
			.isThrownBy(() -> run("dapr:secretstore/files/nope"))
			.withMessageContaining("secret store 'files' has no secret 'nope'")
			.withMessageContaining("dapr:secretstore/files");
	}

	@Test
	void aWrongApiTokenFailsTheStartup() {
		assertThatExceptionOfType(DaprSecretStoreImportException.class)
			.isThrownBy(() -> run("dapr:secretstore/files", sidecar.grpcEndpoint(), "wrong"))
			.withMessageContaining("dapr.client.api-token")
			.withCauseInstanceOf(DaprPermissionDeniedException.class);
	}

	private static ConfigurableApplicationContext run(String location) {
		return run(location, sidecar.grpcEndpoint(), TOKEN);
	}

	private static ConfigurableApplicationContext run(String location, String endpoint, String token) {
		return new SpringApplicationBuilder(ImportingApp.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run("--spring.config.import=" + location, "--dapr.client.grpc-endpoint=" + endpoint,
					"--dapr.client.api-token=" + token);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class ImportingApp {

		@Bean
		DbSettings dbSettings(@Value("${db.user:}") String user, @Value("${db.password:}") String password) {
			return new DbSettings(user, password);
		}

	}

	record DbSettings(String user, String password) {
	}

}
