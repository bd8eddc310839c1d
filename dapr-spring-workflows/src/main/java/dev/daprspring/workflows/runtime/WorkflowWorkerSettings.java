package dev.daprspring.workflows.runtime;

import java.time.Duration;

/**
 * How the worker runs what the sidecar sends.
 *
 * @param maxConcurrentWorkflows workflow replays run at once
 * @param maxConcurrentActivities activities run at once
 * @param shutdownTimeout how long stopping waits for running work to finish before
 * handing the rest back to the sidecar
 */
public record WorkflowWorkerSettings(int maxConcurrentWorkflows, int maxConcurrentActivities,
		Duration shutdownTimeout) {
}
