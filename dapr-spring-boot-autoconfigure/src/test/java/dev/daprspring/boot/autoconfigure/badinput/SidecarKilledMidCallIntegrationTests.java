package dev.daprspring.boot.autoconfigure.badinput;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprSidecarUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * daprd killed (SIGKILL) while a writer is saving to {@code state.redis}: the call in flight
 * fails with an error naming the sidecar's endpoint, and after a restart every save that
 * had returned normally is there.
 */
class SidecarKilledMidCallIntegrationTests {

	private static final LocalRedisServer redis = LocalRedisServer.start();

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void aKilledSidecarFailsTheCallInFlightNamingItsEndpointAndLosesNoAcknowledgedWrite() throws Exception {
		try (DaprSidecar sidecar = DaprSidecar.builder("catalogue-kill")
			.component(DaprComponents.redisState("statestore", redis.address()))
			.start();
				DaprTransport transport = new DaprTransport(
						DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null))) {
			DaprTemplate template = new DaprTemplate(transport, JsonMapper.builder().build());
			Sentinel.store(template, "statestore");
			List<String> acknowledged = new CopyOnWriteArrayList<>();
			AtomicReference<RuntimeException> failure = new AtomicReference<>();
			AtomicBoolean running = new AtomicBoolean(true);
			Thread writer = new Thread(() -> {
				for (int i = 0; running.get() && failure.get() == null; i++) {
					try {
						template.state().save("w-" + i, i);
						acknowledged.add("w-" + i);
					}
					catch (RuntimeException ex) {
						failure.set(ex);
					}
				}
			});
			writer.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 50);
			sidecar.processHandle().orElseThrow(() -> new AssertionError("daprd is not running")).destroyForcibly();
			await().atMost(Duration.ofSeconds(120)).until(() -> failure.get() != null);
			running.set(false);
			writer.join();
			assertThat(failure.get()).isInstanceOf(DaprSidecarUnavailableException.class)
				.hasMessageContaining("Dapr sidecar at " + sidecar.grpcEndpoint() + " is unavailable")
				.hasMessageContaining("Is daprd running and is the client's gRPC endpoint right?");
			sidecar.restart();
			// This bare transport has no retrying call policy: the first call may still find the old connection gone.
			await().atMost(Duration.ofSeconds(60))
				.ignoreException(DaprSidecarUnavailableException.class)
				.untilAsserted(() -> Sentinel.assertIntact(template, "statestore"));
			for (String key : acknowledged) {
				assertThat(template.state().get(key, Integer.class)).as(key).isPresent();
			}
		}
	}


}
