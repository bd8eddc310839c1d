package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.type.filter.TypeFilter;

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

	/**
	 * The simple names of the classes in these packages that the filter matches, read from
	 * their class files without loading them. While the launcher asks its requirements,
	 * the packages are read once and every requirement's filter runs on what was read.
	 */
	static Set<String> classesIn(List<String> packages, TypeFilter filter) {
		return ApplicationClassScan.classesIn(packages, filter);
	}

}
