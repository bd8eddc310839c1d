package dev.daprspring.boot.actuate.health;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.actuate.SidecarProbe;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator's answers for each state of the sidecar, against an in-process HTTP
 * server; {@code DaprActuatorIntegrationTests} checks the same against a real daprd.
 */
class DaprHealthIndicatorTests {

	private static final String METADATA = """
			{"id":"orders","runtimeVersion":"1.17.5",
			 "components":[{"name":"statestore","type":"state.in-memory","version":"v1","capabilities":["ETAG"]}],
			 "subscriptions":[{"pubsubname":"pubsub","topic":"orders","type":"PROGRAMMATIC"}],
			 "actorRuntime":{"runtimeStatus":"DISABLED","hostReady":false}}""";

	private @Nullable HttpServer server;

	private final AtomicReference<@Nullable String> token = new AtomicReference<>();

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void upWithAppIdVersionComponentsSubscriptionsAndActorsWhenHealthzAnswers204() throws IOException {
		String endpoint = serve(204, METADATA);
		Health health = indicator(endpoint, "secret", Duration.ofSeconds(5)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("endpoint", endpoint)
			.containsEntry("appId", "orders")
			.containsEntry("runtimeVersion", "1.17.5")
			.containsEntry("components",
					List.of(Map.of("name", "statestore", "type", "state.in-memory", "version", "v1")))
			.containsEntry("subscriptions", 1)
			.containsEntry("actorRuntime", "DISABLED");
		assertThat(this.token.get()).isEqualTo("secret");
	}

	@Test
	void downWithTheStatusWhenTheSidecarIsNotReady() throws IOException {
		String endpoint = serve(500, METADATA);
		Health health = indicator(endpoint, null, Duration.ofSeconds(5)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("endpoint", endpoint);
		assertThat((String) health.getDetails().get("reason")).contains("GET /v1.0/healthz answered 500")
			.contains("see the sidecar's log");
	}

	@Test
	void downNamingTheEndpointAndWhereItIsConfiguredWhenNothingListens() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		String endpoint = "http://127.0.0.1:" + closed;
		Health health = indicator(endpoint, null, Duration.ofSeconds(5)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason"))
			.contains("daprd is not reachable at " + endpoint + ": connection refused")
			.contains("dapr.client.http-endpoint");
	}

	@Test
	void downWithinTheTimeoutWhenTheSidecarDoesNotAnswer() throws IOException {
		CountDownLatch release = new CountDownLatch(1);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
		});
		this.server.start();
		try {
			Health health = indicator("http://127.0.0.1:" + this.server.getAddress().getPort(), null,
					Duration.ofMillis(300))
				.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("reason"))
				.contains("no answer within PT0.3S (dapr.actuator.timeout)");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void upWithTheMetadataErrorWhenOnlyMetadataFails() throws IOException {
		String endpoint = serve(204, null);
		Health health = indicator(endpoint, null, Duration.ofSeconds(5)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((String) health.getDetails().get("metadata")).contains("/v1.0/metadata answered 500");
	}

	private String serve(int healthz, @Nullable String metadata) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1.0/healthz", (exchange) -> {
			this.token.set(exchange.getRequestHeaders().getFirst("dapr-api-token"));
			exchange.sendResponseHeaders(healthz, -1);
			exchange.close();
		});
		this.server.createContext("/v1.0/metadata", (exchange) -> {
			if (metadata != null) {
				send(exchange, 200, metadata);
			}
			else {
				send(exchange, 500, "{\"errorCode\":\"ERR_METADATA_GET\"}");
			}
		});
		this.server.start();
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Test
	void downWhenActorTypesAreHostedButThePlacementIsNotConnectedAndUpWhenItIs() throws IOException {
		String endpoint = serve(204, METADATA.replace("\"runtimeStatus\":\"DISABLED\",\"hostReady\":false",
				"\"runtimeStatus\":\"RUNNING\",\"hostReady\":false,\"placement\":\"placement: disconnected\""));
		Health down = indicator(endpoint, List.of("Cart")).health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("actorPlacement", "placement: disconnected")
			.containsEntry("actorHostReady", false);
		assertThat((String) down.getDetails().get("reason")).startsWith("The sidecar is not connected to placement "
				+ "(actor runtime says placement: disconnected, hostReady false): the actor types hosted here [Cart] "
				+ "cannot be activated or called.");
		// An application that hosts no actors does not depend on placement.
		assertThat(indicator(endpoint, List.of()).health().getStatus()).isEqualTo(Status.UP);
		stop();
		String connected = serve(204, METADATA.replace("\"runtimeStatus\":\"DISABLED\",\"hostReady\":false",
				"\"runtimeStatus\":\"RUNNING\",\"hostReady\":true,\"placement\":\"placement: connected\""));
		assertThat(indicator(connected, List.of("Cart")).health().getStatus()).isEqualTo(Status.UP);
	}

	private static DaprHealthIndicator indicator(String endpoint, List<String> hostedActorTypes) {
		return new DaprHealthIndicator(probe(endpoint, null, Duration.ofSeconds(5)), () -> hostedActorTypes);
	}

	private static DaprHealthIndicator indicator(String endpoint, @Nullable String token, Duration timeout) {
		return new DaprHealthIndicator(probe(endpoint, token, timeout));
	}

	private static SidecarProbe probe(String endpoint, @Nullable String token, Duration timeout) {
		DaprConnectionDetails connection = new DaprConnectionDetails() {
			@Override
			public String getGrpcEndpoint() {
				return "http://127.0.0.1:1";
			}

			@Override
			public String getHttpEndpoint() {
				return endpoint;
			}

			@Override
			public @Nullable String getApiToken() {
				return token;
			}
		};
		return new SidecarProbe(connection, JsonMapper.builder().build(), timeout);
	}

}
