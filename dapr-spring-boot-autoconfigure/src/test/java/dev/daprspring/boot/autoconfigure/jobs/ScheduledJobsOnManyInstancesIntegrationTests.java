package dev.daprspring.boot.autoconfigure.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.jobs.fleet.ScheduledFleetApplication;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of one application, each with the daprd it launches, on one scheduler:
 * the {@code @DaprScheduled} job they all declare at startup runs once per tick in all, not
 * once per instance; a schedule the scheduler refuses fails the startup with its reason.
 */
class ScheduledJobsOnManyInstancesIntegrationTests {

	static DaprPlacement placement;

	static DaprScheduler scheduler;

	static final List<ConfigurableApplicationContext> fleet = new ArrayList<>();

	@BeforeAll
	static void startControlPlane() {
		placement = new DaprPlacement();
		placement.start();
		scheduler = new DaprScheduler();
		scheduler.start();
	}

	@AfterAll
	static void stopAll() {
		fleet.forEach(ConfigurableApplicationContext::close);
		if (scheduler != null) {
			scheduler.close();
		}
		if (placement != null) {
			placement.close();
		}
	}

	@Test
	void aJobDeclaredByThreeInstancesRunsOncePerTick() {
		// One after the other (Spring Boot's logging set-up is not safe for concurrent starts in one JVM),
		// well within the job's 4 ticks of 5 s, so every instance finds the job the first one declared.
		for (int i = 0; i < 3; i++) {
			fleet.add(start("instance-" + i));
		}
		// Four repeats in all: one run per tick on one of the instances, none per instance.
		await().atMost(Duration.ofSeconds(90)).until(() -> ScheduledFleetApplication.runs.size() >= 4);
		await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(30))
			.until(() -> ScheduledFleetApplication.runs.size() == 4);
		assertThat(ScheduledFleetApplication.runs).allMatch((instance) -> instance.startsWith("instance-"));
	}

	@Test
	void aPeriodTheSchedulerRefusesFailsTheStartupWithItsReason() {
		assertThatException().isThrownBy(() -> start("refused", "--fleet.every=soon"))
			.withStackTraceContaining("The scheduler refused job fleet-report (schedule \"@every soon\") declared "
					+ "by @DaprScheduled");
	}

	private static ConfigurableApplicationContext start(String instance, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=scheduled-fleet",
				"--fleet.instance=" + instance, "--dapr.sidecar.launch=always",
				"--dapr.sidecar.control-plane.placement-address=" + placement.address(),
				"--dapr.sidecar.control-plane.scheduler-address=" + scheduler.address()));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(ScheduledFleetApplication.class).run(args.toArray(String[]::new));
	}

}
