package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.ControlPlane;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.ControlPlaneLaunch;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the launcher starts placement and scheduler: never by surprise.
 */
class LaunchedControlPlaneTests {

	private final Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("app.actors", "true")));

	private final DaprControlPlaneRequirement actors = (binder, packages) -> binder.bind("app.actors", Boolean.class)
		.map((on) -> on ? "hosts actors" : null)
		.orElse(null);

	@Test
	void autoLaunchesOnlyWhenARequirementAsks() {
		assertThat(LaunchedControlPlane.reason(controlPlane(ControlPlaneLaunch.AUTO), this.binder, List.of(), List.of()))
			.isNull();
		assertThat(LaunchedControlPlane.reason(controlPlane(ControlPlaneLaunch.AUTO), this.binder, List.of(),
				List.of((binder, packages) -> null, this.actors)))
			.isEqualTo("hosts actors");
	}

	@Test
	void alwaysAndNeverOverrideTheRequirements() {
		assertThat(LaunchedControlPlane.reason(controlPlane(ControlPlaneLaunch.ALWAYS), this.binder, List.of(), List.of()))
			.isEqualTo("dapr.sidecar.control-plane.launch=always");
		assertThat(LaunchedControlPlane.reason(controlPlane(ControlPlaneLaunch.NEVER), this.binder, List.of(),
				List.of(this.actors)))
			.isNull();
	}

	@Test
	void autoIsTheDefault() {
		assertThat(new DaprSidecarProperties().getControlPlane().getLaunch()).isEqualTo(ControlPlaneLaunch.AUTO);
	}

	@Test
	void servicesGivenByAddressAreNeverLaunched() {
		ControlPlane controlPlane = controlPlane(ControlPlaneLaunch.ALWAYS);
		controlPlane.setPlacementAddress("127.0.0.1:50005");
		controlPlane.setSchedulerAddress("127.0.0.1:50006");
		assertThat(LaunchedControlPlane.startIfWanted(controlPlane, this.binder, List.of())).isNull();
	}

	private static ControlPlane controlPlane(ControlPlaneLaunch launch) {
		ControlPlane controlPlane = new ControlPlane();
		controlPlane.setLaunch(launch);
		return controlPlane;
	}

}
