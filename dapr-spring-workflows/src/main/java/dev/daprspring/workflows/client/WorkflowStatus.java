package dev.daprspring.workflows.client;

/**
 * Where a workflow instance is in its life.
 */
public enum WorkflowStatus {

	/** Scheduled, not started yet (a start time in the future, or waiting for a worker). */
	PENDING,
	RUNNING,
	SUSPENDED,
	COMPLETED,
	FAILED,
	TERMINATED,
	/** Replaced by a new run of the same instance. */
	CONTINUED_AS_NEW,
	CANCELED;

	/** Whether the instance has ended and will not run again by itself. */
	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == TERMINATED || this == CANCELED;
	}

}
