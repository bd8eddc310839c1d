package dev.daprspring.boot.autoconfigure.client;

import java.util.List;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.error.DaprErrorTranslator;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property names that core's messages leave out reach the startup report.
 */
class DaprClientFailureAnalyzerTests {

	private final DaprErrorTranslator translator = new DaprErrorTranslator("http://127.0.0.1:50001", List::of);

	private final DaprClientFailureAnalyzer analyzer = new DaprClientFailureAnalyzer();

	@Test
	void anUnavailableSidecarNamesTheGrpcEndpoint() {
		FailureAnalysis analysis = analyze(Status.UNAVAILABLE.withDescription("io exception"));
		assertThat(analysis.getDescription()).contains("Dapr sidecar at http://127.0.0.1:50001 is unavailable")
			.contains("the client's gRPC endpoint");
		assertThat(analysis.getAction()).contains("dapr.client.grpc-endpoint");
	}

	@Test
	void aTimeoutNamesTheTimeout() {
		assertThat(analyze(Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded")).getAction())
			.contains("dapr.client.timeout");
	}

	@Test
	void aRejectedTokenNamesTheApiToken() {
		assertThat(analyze(Status.UNAUTHENTICATED.withDescription("authentication error: api token mismatch"))
			.getAction()).contains("dapr.client.api-token");
	}

	@Test
	void aTooLargeAnswerNamesTheMaximumMessageSize() {
		assertThat(analyze(Status.RESOURCE_EXHAUSTED
			.withDescription("gRPC message exceeds maximum size 4194304: 5000000")).getAction())
			.contains("dapr.client.max-message-size");
	}

	@Test
	void failuresNoClientSettingFixesAreLeftToOthers() {
		assertThat(analyze(Status.PERMISSION_DENIED.withDescription("access denied by policy to get secret"))).isNull();
		assertThat(analyze(Status.INVALID_ARGUMENT.withDescription("bad key"))).isNull();
	}

	private FailureAnalysis analyze(Status status) {
		DataAccessException ex = this.translator.translate(status.asRuntimeException(),
				DaprCall.read("secrets", "get", "files"));
		return this.analyzer.analyze(new BeanCreationException("daprSecrets", "startup call failed", ex));
	}

}
