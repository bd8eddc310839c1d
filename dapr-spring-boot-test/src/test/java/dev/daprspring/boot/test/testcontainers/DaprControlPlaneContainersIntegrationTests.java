package dev.daprspring.boot.test.testcontainers;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.daprspring.boot.sidecar.component.DaprComponents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * daprd in a container connected to placement and scheduler containers, which it was
 * given: the actor runtime reports placement connected, and the jobs API (served by the
 * scheduler) schedules and reads back a job. A sidecar given neither has no jobs API.
 */
@RequiresDockerImages({ DaprImages.DAPRD, DaprImages.PLACEMENT, DaprImages.SCHEDULER })
@Testcontainers
class DaprControlPlaneContainersIntegrationTests {

	static final DaprPlacementContainer placement = new DaprPlacementContainer();

	static final DaprSchedulerContainer scheduler = new DaprSchedulerContainer();

	@Container
	static final DaprContainer dapr = new DaprContainer().withAppId("control-plane-app")
		.withPlacement(placement)
		.withScheduler(scheduler)
		.withComponent(DaprComponents.inMemoryState("statestore").withMetadata("actorStateStore", "true"));

	@Container
	static final DaprContainer alone = new DaprContainer().withAppId("alone-app");

	private final SidecarHttp http = new SidecarHttp(dapr);

	@Test
	void theActorRuntimeIsConnectedToPlacement() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var actorRuntime = this.http.metadata().path("actorRuntime");
			assertThat(actorRuntime.path("runtimeStatus").asString()).isEqualTo("RUNNING");
			assertThat(actorRuntime.path("placement").asString()).isEqualTo("placement: connected");
		});
		assertThat(placement.isRunning()).isTrue();
	}

	@Test
	void aJobIsScheduledOnTheSchedulerAndReadBack() throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.http
			.post("/v1.0-alpha1/jobs/nightly-report", "{\"schedule\":\"@every 1h\",\"data\":{\"report\":\"sales\"}}")
			.statusCode()).isEqualTo(204));
		HttpResponse<String> job = this.http.get("/v1.0-alpha1/jobs/nightly-report");
		assertThat(job.statusCode()).isEqualTo(200);
		assertThat(SidecarHttp.json(job).path("schedule").asString()).isEqualTo("@every 1h");
		assertThat(job.body()).contains("sales");
	}

	@Test
	void aSidecarWithoutTheControlPlaneHasNoActorsOrJobs() throws Exception {
		SidecarHttp aloneHttp = new SidecarHttp(alone);
		assertThat(alone.getDependencies()).isEmpty();
		assertThat(aloneHttp.metadata().path("actorRuntime").path("placement").asString()).isNotEqualTo(
				"placement: connected");
		HttpResponse<String> refused = aloneHttp.post("/v1.0-alpha1/jobs/nightly-report", "{\"schedule\":\"@every 1h\"}");
		assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
	}

}
