package dev.daprspring.boot.sidecar.controlplane;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.DaprSidecarException;
import dev.daprspring.boot.sidecar.component.DaprComponents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Real placement and scheduler processes serving real daprd processes on loopback.
 */
class DaprControlPlaneIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	static DaprPlacement placement;

	static DaprScheduler scheduler;

	@BeforeAll
	static void startControlPlane() {
		placement = new DaprPlacement();
		placement.start();
		scheduler = new DaprScheduler();
		scheduler.start();
	}

	@AfterAll
	static void stopControlPlane() {
		scheduler.close();
		placement.close();
	}

	@Test
	void twoSidecarsRegisterWithOnePlacement() {
		try (DaprSidecar cart = sidecar("cp-cart"); DaprSidecar orders = sidecar("cp-orders")) {
			for (DaprSidecar sidecar : new DaprSidecar[] { cart, orders }) {
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					JsonNode actorRuntime = get(sidecar, "/v1.0/metadata").path("actorRuntime");
					assertThat(actorRuntime.path("runtimeStatus").asString()).isEqualTo("RUNNING");
					assertThat(actorRuntime.path("placement").asString()).isEqualTo("placement: connected");
				});
			}
		}
	}

	@Test
	void aJobKeptByTheSchedulerSurvivesItsRestart() throws Exception {
		try (DaprSidecar reports = sidecar("cp-reports")) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(post(reports, "/v1.0-alpha1/jobs/nightly",
						"{\"schedule\":\"@every 1h\",\"data\":{\"report\":\"sales\"}}").statusCode())
					.isEqualTo(204));
			int port = scheduler.port();
			scheduler.restart();
			assertThat(scheduler.port()).isEqualTo(port);
			// daprd reconnects by itself; the job is read back from the scheduler's etcd data.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(get(reports, "/v1.0-alpha1/jobs/nightly").path("schedule").asString())
					.isEqualTo("@every 1h"));
		}
	}

	@Test
	void sidecarsAreToldTheSchedulersLoopbackAddress() {
		// daprd connects to the addresses the scheduler broadcasts, not to the one it was given. Measured
		// on 1.17.5 and 1.18.2: a scheduler without --listen-address broadcasts the machine's own
		// (eth0) address; with --listen-address 127.0.0.1 it broadcasts loopback. daprd logs what it was told.
		try (DaprSidecar invoices = sidecar("cp-invoices")) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(invoices.logTail(1000))
					.contains("Connected and received scheduler hosts addresses: [" + scheduler.address() + "]"));
		}
	}

	@Test
	void aChosenPortInUseIsNamed() throws IOException {
		try (ServerSocket taken = new ServerSocket(0); DaprPlacement second = new DaprPlacement(null,
				taken.getLocalPort(), Duration.ofSeconds(10))) {
			assertThatExceptionOfType(DaprSidecarException.class).isThrownBy(second::start)
				.withMessage("Cannot start placement: its port " + taken.getLocalPort()
						+ " is already in use by another process. Choose another port, or 0 for a free one.");
			assertThat(second.isRunning()).isFalse();
		}
	}

	@Test
	void aServiceThatExitsAtStartupReportsItsExitAndLog() {
		// /bin/false stands in for a binary that dies at once; nothing is left running.
		try (DaprScheduler broken = new DaprScheduler(Path.of("/bin/false"), 0, Duration.ofSeconds(10))) {
			assertThatExceptionOfType(DaprSidecarException.class).isThrownBy(broken::start)
				.withMessageStartingWith("scheduler exited with code 1 before it was ready. Last lines of ")
				.withMessageContaining("--- /bin/false --port");
			assertThat(broken.isRunning()).isFalse();
		}
	}

	@Test
	void stopEndsTheProcessAndStartCanFollow() {
		try (DaprPlacement another = new DaprPlacement()) {
			another.start();
			assertThat(another.isRunning()).isTrue();
			another.stop();
			assertThat(another.isRunning()).isFalse();
			assertThat(another.logTail(50)).contains("--- ").contains("--initial-cluster dapr-placement-0=127.0.0.1:");
			another.start();
			assertThat(another.isRunning()).isTrue();
		}
	}

	private static DaprSidecar sidecar(String appId) {
		return DaprSidecar.builder(appId)
			.placement(placement.address())
			.scheduler(scheduler.address())
			.component(DaprComponents.inMemoryState("statestore").withMetadata("actorStateStore", "true"))
			.start();
	}

	private static JsonNode get(DaprSidecar sidecar, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(sidecar.httpEndpoint() + path)).GET().build();
		return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

	private static HttpResponse<String> post(DaprSidecar sidecar, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(sidecar.httpEndpoint() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
