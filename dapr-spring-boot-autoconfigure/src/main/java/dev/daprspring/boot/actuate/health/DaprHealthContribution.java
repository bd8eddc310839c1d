package dev.daprspring.boot.actuate.health;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A part of the application that depends on the sidecar (the workflow worker, say) adding
 * its details to the {@code dapr} health, and a reason to be DOWN when it cannot work.
 */
@FunctionalInterface
public interface DaprHealthContribution {

	/**
	 * @param metadata the sidecar's metadata
	 * @param details where to add details
	 * @return why the application is DOWN for the sidecar, or {@code null}
	 */
	@Nullable String contribute(Map<String, Object> metadata, Map<String, Object> details);

}
