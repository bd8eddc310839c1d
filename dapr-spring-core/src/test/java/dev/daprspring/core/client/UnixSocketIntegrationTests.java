package dev.daprspring.core.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.error.DaprPermissionDeniedException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client over a real daprd's Unix domain sockets ({@code unix:} endpoints): calls, the
 * token, a socket nobody serves ({@code DaprClientIntegrationTests} restarts a sidecar on sockets).
 */
class UnixSocketIntegrationTests {

	@Test
	void callsGoOverTheSocketWithTheTokenAndAWrongOneIsExplained() {
		try (DaprSidecar sidecar = DaprSidecar.builder("uds-token")
			.component(DaprComponents.inMemoryState("statestore"))
			.apiToken("right")
			.unixDomainSockets(true)
			.start();
				DaprTransport right = transport(sidecar.grpcEndpoint(), "right");
				DaprTransport wrong = transport(sidecar.grpcEndpoint(), "wrong")) {
			assertThat(sidecar.grpcEndpoint()).startsWith("unix:/").endsWith("dapr-uds-token-grpc.socket");
			DaprTemplate good = new DaprTemplate(right, JsonMapper.builder().build());
			good.state().save("k", "v");
			assertThat(good.state().get("k", String.class)).contains("v");
			assertThat(good.metadata().appId()).isEqualTo("uds-token");
			assertThatExceptionOfType(DaprPermissionDeniedException.class)
				.isThrownBy(() -> new DaprTemplate(wrong, JsonMapper.builder().build()).state().get("k", String.class))
				.withMessageContaining("rejected state.get");
		}
	}

	@Test
	void aSocketNobodyServesIsNamed() {
		String endpoint = "unix:/tmp/no-daprd-here-" + ProcessHandle.current().pid() + ".socket";
		try (DaprTransport transport = transport(endpoint, null)) {
			assertThatExceptionOfType(DaprSidecarUnavailableException.class)
				.isThrownBy(() -> new DaprTemplate(transport, JsonMapper.builder().build()).state().get("k", String.class))
				.withMessageContaining("Dapr sidecar at " + endpoint + " is unavailable");
		}
	}

	private static DaprTransport transport(String grpcEndpoint, String token) {
		return new DaprTransport(DaprClientOptions.of(grpcEndpoint, "http://127.0.0.1:1", token)
			.withTimeout(Duration.ofSeconds(5)));
	}

}
