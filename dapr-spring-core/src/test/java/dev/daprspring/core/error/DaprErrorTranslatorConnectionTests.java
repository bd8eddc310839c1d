package dev.daprspring.core.error;

import java.nio.channels.ClosedChannelException;
import java.util.List;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprCall;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link DaprErrorTranslator} reads a connection to the sidecar that is refused or
 * that closes under a call (grpc-java reports the latter as {@code UNKNOWN}).
 */
class DaprErrorTranslatorConnectionTests {

	final DaprErrorTranslator translator = new DaprErrorTranslator("http://127.0.0.1:50001", List::of);

	@Test
	void aConnectionClosedUnderTheCallIsAnUnknownOutcomeOfAnUnavailableSidecar() {
		DataAccessException ex = this.translator.translate(
				Status.UNKNOWN.withDescription("channel closed").withCause(new ClosedChannelException()).asRuntimeException(),
				DaprCall.write("state", "save", "statestore"));
		assertThat(ex).isInstanceOf(DaprOutcomeUnknownException.class)
			.isInstanceOf(DaprSidecarUnavailableException.class)
			.hasMessageContaining("Dapr sidecar at http://127.0.0.1:50001 is unavailable (state.save on 'statestore')")
			.hasMessageContaining("may or may not have taken effect")
			.hasMessageContaining("the client's gRPC endpoint");
	}

	@Test
	void anUnknownErrorFromTheSidecarItselfStaysAnApiError() {
		DataAccessException ex = this.translator.translate(
				Status.UNKNOWN.withDescription("redis: connection pool timeout").asRuntimeException(),
				DaprCall.write("state", "save", "statestore"));
		assertThat(ex).isInstanceOf(DaprApiException.class)
			.hasMessageContaining("state.save on 'statestore' failed: UNKNOWN redis: connection pool timeout");
	}

	@Test
	void anUnavailableSidecarNamesItsEndpoint() {
		DataAccessException ex = this.translator.translate(
				Status.UNAVAILABLE.withDescription("io exception").asRuntimeException(),
				DaprCall.read("state", "get", "statestore"));
		assertThat(ex).isInstanceOf(DaprSidecarUnavailableException.class)
			.hasMessageContaining("Dapr sidecar at http://127.0.0.1:50001 is unavailable");
	}

}
