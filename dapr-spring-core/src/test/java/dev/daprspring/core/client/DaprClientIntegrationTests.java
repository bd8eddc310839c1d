package dev.daprspring.core.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.error.DaprPermissionDeniedException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.metadata.SidecarMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's connection behaviour against a real daprd: tokens, a stopped and
 * restarted sidecar, retries and the circuit breaker.
 */
class DaprClientIntegrationTests {

	private static final ResilientCallPolicy.Settings NO_RETRY = new ResilientCallPolicy.Settings(1,
			Duration.ofMillis(10), 1.0, false, 50, 4, 4, Duration.ofSeconds(30));

	@Test
	void theApiTokenIsSentOnEveryCallAndAWrongOneIsExplained() {
		try (DaprSidecar sidecar = DaprSidecar.builder("token")
			.component(DaprComponents.inMemoryState("statestore"))
			.apiToken("right")
			.start();
				DaprTransport right = transport(sidecar, "right");
				DaprTransport wrong = transport(sidecar, "wrong")) {
			DaprTemplate good = new DaprTemplate(right, JsonMapper.builder().build());
			good.state().save("k", "v");
			assertThat(good.state().get("k", String.class)).contains("v");
			assertThatExceptionOfType(DaprPermissionDeniedException.class)
				.isThrownBy(() -> new DaprTemplate(wrong, JsonMapper.builder().build()).state().get("k", String.class))
				.withMessageContaining("rejected state.get")
				.withMessageContaining("the API token (DAPR_API_TOKEN)");
		}
	}

	// On TCP and on Unix domain sockets, whose files a stopped daprd removes.
	@ParameterizedTest(name = "unix domain sockets: {0}")
	@ValueSource(booleans = { false, true })
	void aStoppedSidecarIsNamedAndTheSameClientWorksAgainAfterItRestarts(boolean sockets) {
		try (LocalRedisServer redis = LocalRedisServer.start();
				DaprSidecar sidecar = DaprSidecar.builder("restarts")
					.component(DaprComponents.redisState("statestore", redis.address()))
					.unixDomainSockets(sockets)
					.start();
				DaprTransport transport = transport(sidecar, null)) {
			DaprTemplate dapr = new DaprTemplate(transport, JsonMapper.builder().build());
			dapr.state().save("kept", 42);
			sidecar.stop();
			assertThatExceptionOfType(DaprSidecarUnavailableException.class)
				.isThrownBy(() -> dapr.state().get("kept", Integer.class))
				.withMessageContaining("Dapr sidecar at " + sidecar.grpcEndpoint() + " is unavailable (state.get on 'statestore')");
			sidecar.start();
			dapr.waitForSidecar(Duration.ofSeconds(20));
			assertThat(dapr.state().get("kept", Integer.class)).contains(42);
		}
	}

	@Test
	void retriesCarryACallAcrossASidecarRestart() throws Exception {
		try (LocalRedisServer redis = LocalRedisServer.start();
				DaprSidecar sidecar = DaprSidecar.builder("retries")
					.component(DaprComponents.redisState("statestore", redis.address()))
					.start();
				DaprTransport transport = transport(sidecar, null)) {
			transport.setCallPolicy(new ResilientCallPolicy((block) -> new ResilientCallPolicy.Settings(12,
					Duration.ofMillis(200), 1.5, true, 100, 50, 50, Duration.ofSeconds(1))));
			DaprTemplate dapr = new DaprTemplate(transport, JsonMapper.builder().build());
			dapr.state().save("survives", "yes");
			sidecar.stop();
			CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
				sleep(500);
				sidecar.start();
			});
			// Issued while the sidecar is down: retried until it is back.
			assertThat(dapr.state().get("survives", String.class)).contains("yes");
			restart.get();
		}
	}

	@Test
	void afterALongOutageTheFirstRetryReconnectsWithoutWaitingOutGrpcsBackoff() {
		try (LocalRedisServer redis = LocalRedisServer.start();
				DaprSidecar sidecar = DaprSidecar.builder("outage")
					.component(DaprComponents.redisState("statestore", redis.address()))
					.start();
				DaprTransport transport = transport(sidecar, null)) {
			DaprTemplate dapr = new DaprTemplate(transport, JsonMapper.builder().build());
			dapr.state().save("k", "v");
			sidecar.stop();
			// Failed connection attempts grow gRPC's reconnect backoff (1 s, 1.6 s, 2.6 s, ...).
			for (int i = 0; i < 6; i++) {
				assertThatExceptionOfType(DaprSidecarUnavailableException.class)
					.isThrownBy(() -> dapr.state().get("k", String.class));
				sleep(700);
			}
			sidecar.start();
			// The default policy: 3 attempts 100 ms apart, shorter than any backoff above.
			transport.setCallPolicy(new ResilientCallPolicy((block) -> ResilientCallPolicy.Settings.defaults()));
			assertThat(dapr.state().get("k", String.class)).contains("v");
		}
	}

	@Test
	void theCircuitBreakerOpensWhileTheSidecarIsDownAndSaysSo() {
		try (DaprSidecar sidecar = DaprSidecar.builder("breaker")
			.component(DaprComponents.inMemoryState("statestore"))
			.start(); DaprTransport transport = transport(sidecar, null)) {
			ResilientCallPolicy policy = new ResilientCallPolicy((block) -> new ResilientCallPolicy.Settings(1,
					Duration.ofMillis(10), 1.0, true, 50, 4, 4, Duration.ofSeconds(30)));
			transport.setCallPolicy(policy);
			DaprTemplate dapr = new DaprTemplate(transport, JsonMapper.builder().build());
			SidecarMetadata metadata = dapr.metadata();
			assertThat(metadata.appId()).isEqualTo("breaker");
			sidecar.stop();
			for (int i = 0; i < 4; i++) {
				assertThatExceptionOfType(DaprSidecarUnavailableException.class)
					.isThrownBy(() -> dapr.state().get("k", String.class));
			}
			assertThat(policy.circuitBreakerState("state")).isEqualTo(CircuitBreaker.State.OPEN);
			assertThatExceptionOfType(DaprSidecarUnavailableException.class)
				.isThrownBy(() -> dapr.state().get("k", String.class))
				.withMessageContaining("circuit breaker of 'state' is open");
			// Other building blocks have their own breaker.
			assertThat(policy.circuitBreakerState("metadata")).isEqualTo(CircuitBreaker.State.CLOSED);
		}
	}

	@Test
	void waitForSidecarGivesUpWithTheEndpoint() {
		DaprTransport transport = new DaprTransport(
				DaprClientOptions.of("http://127.0.0.1:" + dev.daprspring.boot.sidecar.Ports.free(), "http://127.0.0.1:1", null));
		transport.setCallPolicy(new ResilientCallPolicy((block) -> NO_RETRY));
		try (transport) {
			DaprTemplate dapr = new DaprTemplate(transport, JsonMapper.builder().build());
			assertThatExceptionOfType(DaprSidecarUnavailableException.class)
				.isThrownBy(() -> dapr.waitForSidecar(Duration.ofMillis(600)))
				.withMessageContaining(transport.getOptions().grpcEndpoint())
				.withMessageContaining("did not answer within PT0.6S");
		}
	}

	private static DaprTransport transport(DaprSidecar sidecar, String token) {
		return new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), token)
			.withTimeout(Duration.ofSeconds(5)));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
