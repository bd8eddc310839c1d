package dev.daprspring.workflows;

import org.jspecify.annotations.Nullable;

/**
 * Something a workflow waits for: an activity, a child workflow, a timer or an external
 * event. Awaiting a task that has not completed yet ends this replay of the workflow
 * (through an exception the worker handles: do not catch {@code RuntimeException} around
 * {@link #await()}); the workflow resumes here when it completes.
 *
 * @param <T> the result
 */
public interface WorkflowTask<T> {

	/**
	 * The task's result.
	 * @throws WorkflowTaskFailedException if the activity or child workflow failed
	 * @throws WorkflowEventTimeoutException if an event did not arrive within its timeout
	 */
	@Nullable T await();

	/** Whether the task has completed (with a result or a failure). */
	boolean isDone();

}
