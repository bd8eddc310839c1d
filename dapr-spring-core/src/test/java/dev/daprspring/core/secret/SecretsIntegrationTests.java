package dev.daprspring.core.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprPermissionDeniedException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The secrets API against a real daprd with {@code secretstores.local.file} stores.
 */
class SecretsIntegrationTests {

	static final String TOKEN = "secrets-token";

	// Only store "scoped" is limited: "db-password" may be read, nothing else.
	static final String SECRET_SCOPES = """
			apiVersion: dapr.io/v1alpha1
			kind: Configuration
			metadata:
			  name: secret-scopes
			spec:
			  secrets:
			    scopes:
			      - storeName: scoped
			        defaultAccess: deny
			        allowedSecrets: ["db-password"]
			""";

	@TempDir
	static Path folder;

	static DaprSidecar sidecar;

	static DaprSidecar bare;

	static DaprTransport transport;

	static DaprTransport bareTransport;

	static DaprTemplate dapr;

	@BeforeAll
	static void start() throws IOException {
		Path file = Files.writeString(folder.resolve("secrets.json"), """
				{"db-password": "s3cret", "db": {"user": "app", "password": "pw"}}
				""");
		sidecar = DaprSidecar.builder("secrets-tests")
			.component(DaprComponents.localFileSecretStore("files", file))
			.component(DaprComponents.localFileSecretStore("multi", file).withMetadata("multiValued", "true"))
			.component(DaprComponents.localFileSecretStore("scoped", file))
			.configuration(SECRET_SCOPES)
			.apiToken(TOKEN)
			.start();
		bare = DaprSidecar.builder("no-secret-stores").component(DaprComponents.inMemoryState("statestore")).start();
		transport = new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), TOKEN));
		bareTransport = new DaprTransport(DaprClientOptions.of(bare.grpcEndpoint(), bare.httpEndpoint(), null));
		dapr = new DaprTemplate(transport, JsonMapper.builder().build());
	}

	@AfterAll
	static void stop() {
		transport.close();
		bareTransport.close();
		sidecar.close();
		bare.close();
	}

	@Test
	void readsASingleValueSecret() {
		SecretOperations secrets = dapr.secrets("files");
		assertThat(secrets.get("db-password")).isEqualTo(Map.of("db-password", "s3cret"));
		assertThat(secrets.getValue("db-password")).contains("s3cret");
	}

	@Test
	void nestedValuesOfAFlatStoreAreSecretsOfTheirOwn() {
		SecretOperations secrets = dapr.secrets("files");
		assertThat(secrets.getValue("db:user")).contains("app");
		assertThat(secrets.getAll()).isEqualTo(Map.of("db-password", Map.of("db-password", "s3cret"), "db:user",
				Map.of("db:user", "app"), "db:password", Map.of("db:password", "pw")));
	}

	@Test
	void readsAMultiValuedSecret() {
		SecretOperations secrets = dapr.secrets("multi");
		assertThat(secrets.get("db")).isEqualTo(Map.of("user", "app", "password", "pw"));
		assertThat(secrets.getAll()).isEqualTo(
				Map.of("db-password", Map.of("db-password", "s3cret"), "db", Map.of("user", "app", "password", "pw")));
	}

	@Test
	void getValueOfASecretWithSeveralValuesSaysWhichToPick() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> dapr.secrets("multi").getValue("db"))
			.withMessageContaining("Secret 'db' in secret store 'multi' holds several values [password, user]")
			.withMessageContaining("use get(\"db\")");
	}

	@Test
	void aMissingSecretIsEmpty() {
		assertThat(dapr.secrets("files").getValue("nope")).isEmpty();
		assertThat(dapr.secrets("files").get("nope")).isEmpty();
		assertThat(dapr.secrets("multi").get("nope")).isEmpty();
	}

	@Test
	void anUnknownStoreNamesTheStoresTheSidecarHas() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.secrets("vault").get("db-password"))
			.withMessageContaining("No secret store named 'vault'")
			.withMessageContaining("files (secretstores.local.file)")
			.withMessageContaining("multi (secretstores.local.file)")
			.satisfies((ex) -> assertThat(ex.getDetails().component()).isEqualTo("vault"));
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.secrets("vault").getAll())
			.withMessageContaining("No secret store named 'vault'");
	}

	@Test
	void anUnknownStoreOnASidecarWithoutSecretStoresSaysSo() {
		SecretOperations secrets = new DaprSecretOperations(bareTransport, "vault");
		assertThatExceptionOfType(DaprComponentNotFoundException.class).isThrownBy(() -> secrets.get("db-password"))
			.withMessageContaining("No secret store named 'vault'")
			.withMessageContaining("it has no secret store loaded");
		assertThatExceptionOfType(DaprComponentNotFoundException.class).isThrownBy(secrets::getAll)
			.withMessageContaining("it has no secret store loaded");
	}

	@Test
	void aWrongApiTokenIsRejected() {
		for (String token : new String[] { "wrong", null }) {
			try (DaprTransport other = new DaprTransport(
					DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), token))) {
				assertThatExceptionOfType(DaprPermissionDeniedException.class)
					.isThrownBy(() -> new DaprSecretOperations(other, "files").get("db-password"))
					.withMessageContaining("rejected secrets.get on 'files'")
					.withMessageContaining("the API token (DAPR_API_TOKEN)");
			}
		}
	}

	@Test
	void secretScopesOfTheSidecarLimitWhatIsRead() {
		SecretOperations secrets = dapr.secrets("scoped");
		assertThat(secrets.getValue("db-password")).contains("s3cret");
		assertThat(secrets.getAll()).containsOnlyKeys("db-password");
		assertThatExceptionOfType(DaprPermissionDeniedException.class).isThrownBy(() -> secrets.get("db:user"))
			.withMessageContaining("\"db:user\" from \"scoped\"")
			.withMessageContaining("secret scopes")
			.withMessageNotContaining("api-token");
	}

}
