package dev.daprspring.core.error;

import java.util.List;

import io.dapr.v1.DaprMetadataProtos.RegisteredComponents;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprCall;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link DaprErrorTranslator} reads the sidecar's lock errors, worded as daprd 1.17 words
 * them ({@code pkg/messages/predefined.go}).
 */
class DaprErrorTranslatorLockTests {

	static final String ENDPOINT = "http://127.0.0.1:50001";

	final DaprErrorTranslator translator = new DaprErrorTranslator(ENDPOINT,
			() -> List.of(component("locks", "lock.redis"), component("statestore", "state.redis")));

	final DaprErrorTranslator noLockStores = new DaprErrorTranslator(ENDPOINT,
			() -> List.of(component("statestore", "state.in-memory")));

	@Test
	void anUnknownLockStoreListsTheLockStores() {
		DataAccessException ex = this.translator.translate(
				Status.INVALID_ARGUMENT.withDescription("lock store lockz not found").asRuntimeException(),
				DaprCall.write("lock", "tryLock", "lockz"));
		assertThat(ex).isInstanceOf(DaprComponentNotFoundException.class)
			.hasMessageContaining("No lock store named 'lockz'")
			.hasMessageContaining("it has: locks (lock.redis)")
			.hasMessageNotContaining("statestore");
	}

	@Test
	void aSidecarWithoutLockStoresSaysSo() {
		DataAccessException ex = this.noLockStores.translate(
				Status.FAILED_PRECONDITION.withDescription("lock store is not configured").asRuntimeException(),
				DaprCall.write("lock", "unlock", "locks"));
		assertThat(ex).isInstanceOf(DaprComponentNotFoundException.class)
			.hasMessageContaining("No lock store named 'locks'")
			.hasMessageContaining("it has no lock store loaded");
	}

	@Test
	void aFailingStoreIsNotAMissingOne() {
		DataAccessException ex = this.translator.translate(Status.INTERNAL
			.withDescription("failed to try acquiring lock: dial tcp 127.0.0.1:6379: connect: connection refused")
			.asRuntimeException(), DaprCall.write("lock", "tryLock", "locks"));
		assertThat(ex).isExactlyInstanceOf(DaprApiException.class)
			.hasMessageContaining("lock.tryLock on 'locks' failed")
			.hasMessageContaining("connection refused");
	}

	private static RegisteredComponents component(String name, String type) {
		return RegisteredComponents.newBuilder().setName(name).setType(type).setVersion("v1").build();
	}

}
