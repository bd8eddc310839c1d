package dev.daprspring.workflows;

/**
 * An activity or child workflow the workflow awaited failed (after its retries): the
 * failure carries the type and message of what was thrown there.
 */
public class WorkflowTaskFailedException extends RuntimeException {

	private final String taskName;

	private final WorkflowFailure failure;

	public WorkflowTaskFailedException(String taskName, WorkflowFailure failure) {
		super("'" + taskName + "' failed with " + failure);
		this.taskName = taskName;
		this.failure = failure;
	}

	/** The activity's or child workflow's name. */
	public String getTaskName() {
		return this.taskName;
	}

	public WorkflowFailure getFailure() {
		return this.failure;
	}

}
