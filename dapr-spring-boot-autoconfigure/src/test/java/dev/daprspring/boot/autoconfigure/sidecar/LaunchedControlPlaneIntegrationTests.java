package dev.daprspring.boot.autoconfigure.sidecar;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import dev.daprspring.core.DaprOperations;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code dapr.sidecar.control-plane.launch} with a launched daprd, against real placement,
 * scheduler and daprd processes.
 */
class LaunchedControlPlaneIntegrationTests {

	@Test
	void alwaysLaunchesPlacementAndSchedulerBesideDaprdAndStopsThemWithIt() {
		DaprPlacement placement;
		DaprScheduler scheduler;
		DaprSidecar sidecar;
		try (ConfigurableApplicationContext context = app().run("--dapr.sidecar.launch=always",
				"--dapr.sidecar.control-plane.launch=always")) {
			placement = context.getBean(DaprPlacement.class);
			scheduler = context.getBean(DaprScheduler.class);
			sidecar = context.getBean(DaprSidecar.class);
			assertThat(placement.isRunning()).isTrue();
			assertThat(scheduler.isRunning()).isTrue();
			DaprOperations dapr = context.getBean(DaprOperations.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(dapr.metadata().actorRuntimeStatus()).isEqualTo("RUNNING"));
		}
		assertThat(sidecar.isRunning()).isFalse();
		assertThat(placement.isRunning()).isFalse();
		assertThat(scheduler.isRunning()).isFalse();
	}

	@Test
	void byDefaultNoControlPlaneIsLaunchedWhenNothingInTheApplicationNeedsIt() {
		try (ConfigurableApplicationContext context = app().run("--dapr.sidecar.launch=always")) {
			assertThat(context.getBeanProvider(DaprPlacement.class).getIfAvailable()).isNull();
			assertThat(context.getBeanProvider(DaprScheduler.class).getIfAvailable()).isNull();
			assertThat(context.getBean(DaprOperations.class).metadata().actorRuntimeStatus()).isEqualTo("DISABLED");
		}
	}

	private static SpringApplicationBuilder app() {
		return new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.NONE).logStartupInfo(false);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApp {

	}

}
