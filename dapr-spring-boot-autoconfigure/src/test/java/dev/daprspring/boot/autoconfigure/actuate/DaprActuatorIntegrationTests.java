package dev.daprspring.boot.autoconfigure.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health, the {@code dapr} endpoint and the metrics bridge of an application that
 * launches a real daprd, including daprd's probe of the app's liveness group and a
 * sidecar that stops and starts again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "spring.application.name=actuator-it",
				"management.endpoints.web.exposure.include=health,dapr,prometheus,metrics",
				"management.endpoint.health.show-details=always", "dapr.sidecar.metrics.interval=500ms",
				"dapr.sidecar.metrics.stale-after=3s", "dapr.sidecar.app-health-check.enabled=true" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaprActuatorIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	DaprSidecar sidecar;

	@Autowired
	DaprOperations dapr;

	@Autowired
	AtomicInteger livenessProbes;

	@Autowired
	Environment environment;

	@Autowired
	Gate subscribeGate;

	@Test
	@Order(1)
	void healthIsUpWithTheSidecarsAppIdVersionComponentsAndSubscriptions() throws Exception {
		// With the app health check on, daprd subscribes once its first probe found the app healthy.
		await().atMost(PATIENCE)
			.until(() -> this.json.readTree(get("/actuator/health/dapr").body()).path("details").path("subscriptions")
				.asInt() == 1);
		HttpResponse<String> response = get("/actuator/health/dapr");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = this.json.readTree(response.body());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode details = health.path("details");
		assertThat(details.path("appId").asString()).isEqualTo("actuator-it");
		assertThat(details.path("runtimeVersion").asString()).isEqualTo(System.getProperty("daprd.version", "1.18.2"));
		assertThat(details.path("components").valueStream().map((c) -> c.path("name").asString() + "/"
				+ c.path("type").asString())).contains("statestore/state.in-memory", "pubsub/pubsub.in-memory");
		assertThat(details.path("subscriptions").asInt()).isEqualTo(1);
		assertThat(details.path("actorRuntime").asString()).isEqualTo("DISABLED");
		assertThat(details.path("endpoint").asString()).isEqualTo(this.sidecar.httpEndpoint());
	}

	@Test
	@Order(2)
	void theDaprEndpointShowsTheSidecarTheAppsTopicHandlerAndTheClient() throws Exception {
		HttpResponse<String> response = get("/actuator/dapr");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode dapr = this.json.readTree(response.body());
		JsonNode statestore = dapr.path("sidecar")
			.path("components")
			.valueStream()
			.filter((c) -> c.path("name").asString().equals("statestore"))
			.findFirst()
			.orElseThrow();
		assertThat(statestore.path("capabilities").valueStream().map(JsonNode::asString)).contains("ETAG",
				"TRANSACTIONAL");
		assertThat(dapr.path("sidecar").path("subscriptions").valueStream()
			.map((s) -> s.path("topic").asString() + "/" + s.path("type").asString()))
			.containsExactly("actuator-orders/PROGRAMMATIC");
		assertThat(dapr.path("sidecar").path("appConnectionProperties").path("health").path("healthCheckPath")
			.asString()).isEqualTo("/actuator/health/liveness");
		JsonNode topic = dapr.path("application").path("topics").get(0);
		assertThat(topic.path("pubsub").asString()).isEqualTo("pubsub");
		assertThat(topic.path("topic").asString()).isEqualTo("actuator-orders");
		assertThat(topic.path("handler").asString()).isEqualTo("DaprActuatorIntegrationTests.Handlers.onOrder(String)");
		assertThat(dapr.path("client").path("grpcEndpoint").asString()).isEqualTo(this.sidecar.grpcEndpoint());
		assertThat(dapr.path("client").path("apiToken").isNull()).isTrue();
	}

	@Test
	@Order(3)
	void daprdProbesTheAppsLivenessGroupAndTheBridgeReadsTheLaunchedSidecarsMetricsPort() {
		await().atMost(PATIENCE).until(() -> this.livenessProbes.get() > 0);
		assertThat(this.environment.getProperty("dapr.sidecar.metrics.endpoint"))
			.isEqualTo(this.sidecar.metricsEndpoint());
	}

	@Test
	@Order(4)
	void bridgedSidecarSeriesGrowWithStateAndPubSubTrafficBesideTheClientsOwn() throws Exception {
		traffic(5);
		await().atMost(PATIENCE).untilAsserted(() -> {
			String prometheus = get("/actuator/prometheus").body();
			assertThat(sum(prometheus, "dapr_sidecar_component_state_count_total", "operation=\"set\""))
				.isGreaterThanOrEqualTo(5);
			assertThat(sum(prometheus, "dapr_sidecar_component_pubsub_egress_count_total", "topic=\"actuator-orders\""))
				.isGreaterThanOrEqualTo(5);
		});
		String before = get("/actuator/prometheus").body();
		double grpcBefore = sum(before, "dapr_sidecar_grpc_io_server_completed_rpcs_total", "SaveState");
		assertThat(grpcBefore).isGreaterThanOrEqualTo(5);
		assertThat(sum(before, "dapr_client_requests_seconds_count", "dapr_operation=\"save\""))
			.isGreaterThanOrEqualTo(5);
		assertThat(before).contains("dapr_sidecar_http_server_latency_buckets_total{")
			.contains("dapr_sidecar_runtime_component_loaded_total{");
		// Deliveries to this app's @Topic handler, seen from both sides.
		await().atMost(PATIENCE).untilAsserted(() -> {
			String prometheus = get("/actuator/prometheus").body();
			assertThat(
					sum(prometheus, "dapr_sidecar_component_pubsub_ingress_count_total", "topic=\"actuator-orders\""))
				.isGreaterThanOrEqualTo(5);
			assertThat(sum(prometheus, "dapr_messaging_deliveries_seconds_count", "topic=\"actuator-orders\""))
				.isGreaterThanOrEqualTo(5);
		});
		double setBefore = sum(before, "dapr_sidecar_component_state_count_total", "operation=\"set\"");
		traffic(5);
		await().atMost(PATIENCE).untilAsserted(() -> {
			String after = get("/actuator/prometheus").body();
			assertThat(sum(after, "dapr_sidecar_component_state_count_total", "operation=\"set\""))
				.isGreaterThanOrEqualTo(setBefore + 5);
			assertThat(sum(after, "dapr_sidecar_grpc_io_server_completed_rpcs_total", "SaveState"))
				.isGreaterThanOrEqualTo(grpcBefore + 5);
		});
	}

	@Test
	@Order(5)
	void aStoppedSidecarIsDownAndItsMetersGoStaleAndARestartedOneIsUpAgain() throws Exception {
		this.sidecar.stop();
		try {
			await().atMost(PATIENCE).untilAsserted(() -> {
				HttpResponse<String> response = get("/actuator/health/dapr");
				assertThat(response.statusCode()).isEqualTo(503);
				JsonNode health = this.json.readTree(response.body());
				assertThat(health.path("status").asString()).isEqualTo("DOWN");
				assertThat(health.path("details").path("reason").asString())
					.contains("daprd is not reachable at " + this.sidecar.httpEndpoint());
			});
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(get("/actuator/prometheus").body()).doesNotContain("dapr_sidecar_"));
		}
		finally {
			// Hold daprd's GET /dapr/subscribe: until then the only app response it has counted is the
			// 404 of GET /dapr/config, sent chunked, which daprd adds as -1 to the sum of received bytes.
			this.subscribeGate.close();
			this.sidecar.start();
		}
		try {
			await().atMost(PATIENCE).until(() -> {
				HttpResponse<String> prometheus = get("/actuator/prometheus");
				assertThat(prometheus.statusCode()).as(prometheus.body()).isEqualTo(200);
				assertThat(prometheus.body()).doesNotContain("dapr_sidecar_http_client_received_bytes_sum_total");
				return sum(prometheus.body(), "dapr_sidecar_http_client_received_bytes_count_total", "") >= 1;
			});
		}
		finally {
			this.subscribeGate.open();
		}
		await().atMost(PATIENCE).untilAsserted(() -> {
			HttpResponse<String> response = get("/actuator/health/dapr");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
		});
		await().atMost(PATIENCE).untilAsserted(() -> {
			HttpResponse<String> prometheus = get("/actuator/prometheus");
			assertThat(prometheus.statusCode()).isEqualTo(200);
			assertThat(sum(prometheus.body(), "dapr_sidecar_http_client_received_bytes_sum_total", ""))
				.isGreaterThan(0);
		});
	}

	private void traffic(int count) {
		for (int i = 0; i < count; i++) {
			this.dapr.state().save("order-" + i, "order " + i);
			this.dapr.pubsub().publish("actuator-orders", "order " + i);
		}
	}

	/** The sum of the values of a metric's series whose line contains a fragment. */
	private static double sum(String prometheus, String metric, String fragment) {
		return prometheus.lines()
			.filter((line) -> line.startsWith(metric + "{") && line.contains(fragment))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

		@Bean
		AtomicInteger livenessProbes() {
			return new AtomicInteger();
		}

		@Bean
		Gate subscribeGate() {
			return new Gate();
		}

		@Bean
		Filter subscribeHolder(Gate subscribeGate) {
			return (request, response, chain) -> {
				if (((HttpServletRequest) request).getRequestURI().equals("/dapr/subscribe")) {
					subscribeGate.pass();
				}
				chain.doFilter(request, response);
			};
		}

		@Bean
		Filter livenessProbeCounter(AtomicInteger livenessProbes) {
			return (request, response, chain) -> {
				if (((HttpServletRequest) request).getRequestURI().equals("/actuator/health/liveness")) {
					livenessProbes.incrementAndGet();
				}
				chain.doFilter(request, response);
			};
		}

	}

	/** Holds requests while closed. */
	static class Gate {

		private volatile CountDownLatch open = new CountDownLatch(0);

		void close() {
			this.open = new CountDownLatch(1);
		}

		void open() {
			this.open.countDown();
		}

		void pass() {
			try {
				this.open.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static class Handlers {

		@Topic(name = "actuator-orders")
		void onOrder(String order) {
		}

	}

}
