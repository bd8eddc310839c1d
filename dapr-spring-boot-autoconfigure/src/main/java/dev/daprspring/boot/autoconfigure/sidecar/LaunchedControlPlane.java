package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.ControlPlane;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The placement and scheduler processes launched for a launched daprd, started only when
 * {@code dapr.sidecar.control-plane.launch} says so: {@code always}, or {@code auto} when a
 * {@link DaprControlPlaneRequirement} of the application asks for them.
 */
record LaunchedControlPlane(DaprPlacement placement, DaprScheduler scheduler) implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LaunchedControlPlane.class);

	/** Starts both services when they are wanted; {@code null} when they are not. */
	static @Nullable LaunchedControlPlane startIfWanted(ControlPlane properties, Binder binder, List<String> applicationPackages) {
		String reason = reason(properties, binder, applicationPackages,
				SpringFactoriesLoader.loadFactories(DaprControlPlaneRequirement.class, null));
		if (reason == null) {
			return null;
		}
		DaprPlacement placement = new DaprPlacement(null, 0, properties.getStartupTimeout());
		DaprScheduler scheduler = new DaprScheduler(null, 0, properties.getStartupTimeout());
		try {
			placement.start();
			scheduler.start();
		}
		catch (RuntimeException ex) {
			scheduler.close();
			placement.close();
			throw ex;
		}
		logger.info("Launched Dapr's control plane (" + reason + "): placement " + placement.address()
				+ ", scheduler " + scheduler.address());
		return new LaunchedControlPlane(placement, scheduler);
	}

	/** Why the control plane is launched, or {@code null} when it is not. */
	static @Nullable String reason(ControlPlane properties, Binder binder, List<String> applicationPackages,
			List<DaprControlPlaneRequirement> requirements) {
		switch (properties.getLaunch()) {
			case NEVER:
				return null;
			case ALWAYS:
				return "dapr.sidecar.control-plane.launch=always";
			default:
				for (DaprControlPlaneRequirement requirement : requirements) {
					String reason = requirement.requiresControlPlane(binder, applicationPackages);
					if (reason != null) {
						return reason;
					}
				}
				return null;
		}
	}

	@Override
	public void close() {
		this.scheduler.close();
		this.placement.close();
	}

}
