package dev.daprspring.core.error;

import java.util.List;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.dapr.v1.DaprMetadataProtos.RegisteredComponents;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprCall;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link DaprErrorTranslator} reads the sidecar's secrets and configuration errors,
 * worded as daprd 1.17 words them.
 */
class DaprErrorTranslatorSecretsTests {

	static final String ENDPOINT = "http://127.0.0.1:50001";

	static final List<RegisteredComponents> COMPONENTS = List.of(component("files", "secretstores.local.file"),
			component("statestore", "state.in-memory"), component("configstore", "configuration.redis"));

	final DaprErrorTranslator translator = new DaprErrorTranslator(ENDPOINT, () -> COMPONENTS);

	final DaprErrorTranslator noComponents = new DaprErrorTranslator(ENDPOINT,
			() -> List.of(component("statestore", "state.in-memory")));

	@Test
	void anUnknownSecretStoreBesideOthersListsThem() {
		DataAccessException ex = this.translator.translate(
				Status.INVALID_ARGUMENT.withDescription("failed finding secret store with key vault").asRuntimeException(),
				DaprCall.read("secrets", "get", "vault"));
		assertThat(ex).isInstanceOf(DaprComponentNotFoundException.class)
			.hasMessageContaining("No secret store named 'vault'")
			.hasMessageContaining("it has: files (secretstores.local.file)")
			.hasMessageNotContaining("statestore");
	}

	@Test
	void anUnknownSecretStoreWithNoneLoadedSaysSo() {
		DataAccessException ex = this.noComponents.translate(
				Status.FAILED_PRECONDITION.withDescription("secret store is not configured").asRuntimeException(),
				DaprCall.read("secrets", "getAll", "vault"));
		assertThat(ex).isInstanceOf(DaprComponentNotFoundException.class)
			.hasMessageContaining("No secret store named 'vault'")
			.hasMessageContaining("it has no secret store loaded");
	}

	@Test
	void aSecretScopeDenialPointsAtTheScopesNotTheToken() {
		DataAccessException ex = this.translator.translate(Status.PERMISSION_DENIED
			.withDescription("access denied by policy to get \"db\" from \"files\"")
			.asRuntimeException(), DaprCall.read("secrets", "get", "files"));
		assertThat(ex).isInstanceOf(DaprPermissionDeniedException.class)
			.hasMessageContaining("denied by the sidecar's secret scopes")
			.hasMessageContaining("spec.secrets.scopes")
			.hasMessageNotContaining("api-token");
	}

	@Test
	void aTokenMismatchStillPointsAtTheToken() {
		DataAccessException ex = this.translator.translate(
				Status.UNAUTHENTICATED.withDescription("authentication error: api token mismatch").asRuntimeException(),
				DaprCall.read("secrets", "get", "files"));
		assertThat(ex).isInstanceOf(DaprPermissionDeniedException.class)
			.hasMessageContaining("the API token (DAPR_API_TOKEN)");
	}

	@Test
	void anUnknownConfigurationStoreBesideOthersListsThem() {
		DataAccessException ex = this.translator.translate(
				withReason(Status.INVALID_ARGUMENT, "configuration store nope not found",
						"ERR_CONFIGURATION_STORE_NOT_FOUND"),
				DaprCall.read("configuration", "subscribe", "nope"));
		assertThat(ex).isInstanceOf(DaprComponentNotFoundException.class)
			.hasMessageContaining("No configuration store named 'nope'")
			.hasMessageContaining("it has: configstore (configuration.redis)");
		assertThat(((DaprException) ex).getDetails().reason()).isEqualTo("ERR_CONFIGURATION_STORE_NOT_FOUND");
	}

	@Test
	void anUnknownConfigurationStoreWithNoneLoadedSaysSo() {
		DataAccessException ex = this.noComponents.translate(
				withReason(Status.FAILED_PRECONDITION, "configuration stores not configured",
						"ERR_CONFIGURATION_STORE_NOT_CONFIGURED"),
				DaprCall.read("configuration", "get", "nope"));
		assertThat(ex).isInstanceOf(DaprComponentNotFoundException.class)
			.hasMessageContaining("No configuration store named 'nope'")
			.hasMessageContaining("it has no configuration store loaded");
	}

	private static StatusRuntimeException withReason(Status status, String description, String reason) {
		com.google.rpc.Status proto = com.google.rpc.Status.newBuilder()
			.setCode(status.getCode().value())
			.setMessage(description)
			.addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("dapr.io").build()))
			.build();
		return StatusProto.toStatusRuntimeException(proto);
	}

	private static RegisteredComponents component(String name, String type) {
		return RegisteredComponents.newBuilder().setName(name).setType(type).setVersion("v1").build();
	}

}
