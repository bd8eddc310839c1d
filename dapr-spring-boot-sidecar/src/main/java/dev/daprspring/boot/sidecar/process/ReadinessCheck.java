package dev.daprspring.boot.sidecar.process;

/**
 * Asks a started process once whether it serves yet; {@link ReadinessWait} asks again
 * until it does, the process exits, or time runs out.
 */
@FunctionalInterface
public interface ReadinessCheck {

	/** Whether the process is ready; any failure to reach it counts as not yet. */
	boolean isReady();

}
