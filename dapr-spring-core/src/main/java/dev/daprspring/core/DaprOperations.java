package dev.daprspring.core;

import java.time.Duration;

import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.core.state.StateOperations;

/**
 * Every Dapr building block through one sidecar. Implemented by {@link DaprTemplate}.
 */
public interface DaprOperations {

	/** The state API of the default state store ({@code dapr.state.default-store}). */
	StateOperations state();

	/** The state API of the named state store. */
	StateOperations state(String storeName);

	/** What the sidecar reports about itself: components, subscriptions, app connection. */
	SidecarMetadata metadata();

	/**
	 * Waits until the sidecar answers.
	 * @throws dev.daprspring.core.error.DaprSidecarUnavailableException if it does not
	 * answer within the timeout
	 */
	void waitForSidecar(Duration timeout);

	/** Asks the sidecar to shut down. */
	void shutdownSidecar();

}
