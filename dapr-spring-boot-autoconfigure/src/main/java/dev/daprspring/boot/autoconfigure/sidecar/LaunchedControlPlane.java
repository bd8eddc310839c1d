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
 * {@link DaprControlPlaneRequirement} of the application asks for them. A service given by
 * its address ({@code placement-address}, {@code scheduler-address}) is never launched.
 */
record LaunchedControlPlane(@Nullable DaprPlacement placement, @Nullable DaprScheduler scheduler) implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LaunchedControlPlane.class);

	/**
	 * Starts the services that are wanted and have no address of an existing one;
	 * {@code null} when none is started.
	 */
	static @Nullable LaunchedControlPlane startIfWanted(ControlPlane properties, Binder binder, List<String> applicationPackages) {
		boolean launchPlacement = properties.getPlacementAddress() == null;
		boolean launchScheduler = properties.getSchedulerAddress() == null;
		if (!launchPlacement && !launchScheduler) {
			return null;
		}
		String reason = reason(properties, binder, applicationPackages,
				SpringFactoriesLoader.loadFactories(DaprControlPlaneRequirement.class, null));
		if (reason == null) {
			return null;
		}
		DaprPlacement placement = launchPlacement ? new DaprPlacement(null, 0, properties.getStartupTimeout()) : null;
		DaprScheduler scheduler = launchScheduler ? new DaprScheduler(null, 0, properties.getStartupTimeout()) : null;
		LaunchedControlPlane launched = new LaunchedControlPlane(placement, scheduler);
		try {
			if (placement != null) {
				placement.start();
			}
			if (scheduler != null) {
				scheduler.start();
			}
		}
		catch (RuntimeException ex) {
			launched.close();
			throw ex;
		}
		logger.info("Launched Dapr's control plane (" + reason + "): placement "
				+ ((placement != null) ? placement.address() : "not launched, " + properties.getPlacementAddress()
						+ " given")
				+ ", scheduler " + ((scheduler != null) ? scheduler.address()
						: "not launched, " + properties.getSchedulerAddress() + " given"));
		return launched;
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
				// One scan of the application's packages for all the requirements' filters.
				return ApplicationClassScan.shared(() -> {
					for (DaprControlPlaneRequirement requirement : requirements) {
						String reason = requirement.requiresControlPlane(binder, applicationPackages);
						if (reason != null) {
							return reason;
						}
					}
					return null;
				});
		}
	}

	@Override
	public void close() {
		if (this.scheduler != null) {
			this.scheduler.close();
		}
		if (this.placement != null) {
			this.placement.close();
		}
	}

}
