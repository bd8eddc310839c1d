package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * Tells the launcher that the application needs Dapr's control plane (placement and
 * scheduler) beside its launched daprd, so that {@code dapr.sidecar.control-plane.launch=auto}
 * starts it only then. Modules that host actors, run workflows or schedule jobs register
 * one in {@code META-INF/spring.factories}; it is asked before any bean exists (also while
 * {@code dapr:} configuration is imported), so it decides from the classpath, the
 * properties and the classes in the application's packages.
 */
@FunctionalInterface
public interface DaprControlPlaneRequirement {

	/**
	 * Whether the application needs placement and scheduler.
	 * @param binder the application's properties
	 * @param applicationPackages the packages of the application's sources, where component
	 * scanning starts
	 * @return a short reason (for example "hosts actors") when it does, else {@code null}
	 */
	@Nullable String requiresControlPlane(Binder binder, List<String> applicationPackages);

}
