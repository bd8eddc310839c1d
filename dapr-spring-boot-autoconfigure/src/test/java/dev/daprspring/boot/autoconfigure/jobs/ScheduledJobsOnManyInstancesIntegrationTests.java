package dev.daprspring.boot.autoconfigure.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
	void aJobDeclaredByThreeInstancesRunsOncePerTick() throws Exception {
		ExecutorService starter = Executors.newFixedThreadPool(3);
		try {
			List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String instance = "instance-" + i;
				starting.add(starter.submit(() -> start(instance)));
			}
			for (Future<ConfigurableApplicationContext> instance : starting) {
				fleet.add(instance.get());
			}
		}
		finally {
			starter.shutdown();
		}
		// Five repeats in all: one run per tick on one of the instances, none per instance.
		await().atMost(Duration.ofSeconds(60)).until(() -> ScheduledFleetApplication.runs.size() >= 5);
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
			.until(() -> ScheduledFleetApplication.runs.size() == 5);
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
