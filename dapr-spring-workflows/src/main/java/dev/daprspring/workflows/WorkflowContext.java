package dev.daprspring.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a running {@link Workflow} schedules and reads. Every task it returns is recorded
 * in the instance's history: a replay gets the recorded result instead of running it
 * again.
 */
public interface WorkflowContext {

	/** The instance being run. */
	String instanceId();

	/** The workflow's name. */
	String name();

	/** The time of the current step, the same on every replay (use it instead of the clock). */
	Instant currentTime();

	/** Whether the code runs to catch up with history (log only when it is not). */
	boolean isReplaying();

	/** Calls an activity of this application, whose result converts to {@code resultType}. */
	<T> WorkflowTask<T> callActivity(String name, @Nullable Object input, Class<T> resultType);

	/** Calls an activity, attempting it again on failure as the policy says. */
	<T> WorkflowTask<T> callActivity(String name, @Nullable Object input, Class<T> resultType,
			WorkflowRetryPolicy retry);

	/** Starts a child workflow with a generated instance id and waits for its output. */
	<T> WorkflowTask<T> callChildWorkflow(String name, @Nullable Object input, Class<T> resultType);

	/**
	 * Starts a child workflow.
	 * @param instanceId its instance id, or {@code null} for one derived from this instance
	 * @param retry attempts it again when it fails, or {@code null}
	 */
	<T> WorkflowTask<T> callChildWorkflow(String name, @Nullable Object input, @Nullable String instanceId,
			Class<T> resultType, @Nullable WorkflowRetryPolicy retry);

	/** A durable timer: completes after the delay, also across restarts. */
	WorkflowTask<Void> createTimer(Duration delay);

	/** A durable timer that completes at this instant. */
	WorkflowTask<Void> createTimer(Instant fireAt);

	/** Waits for an event raised on this instance, without a limit. */
	<T> WorkflowTask<T> waitForExternalEvent(String eventName, Class<T> dataType);

	/**
	 * Waits for an event raised on this instance; awaiting the task throws
	 * {@link WorkflowEventTimeoutException} when it does not arrive in time.
	 */
	<T> WorkflowTask<T> waitForExternalEvent(String eventName, Duration timeout, Class<T> dataType);

	/** Completes when all tasks have (fan-in), with their results in order; fails with the first failure. */
	<T> WorkflowTask<List<T>> allOf(List<WorkflowTask<T>> tasks);

	/** Completes when the first of the tasks does, with that task. */
	WorkflowTask<WorkflowTask<?>> anyOf(List<? extends WorkflowTask<?>> tasks);

	/**
	 * Restarts this instance with a new input and an empty history (for workflows that run
	 * forever, such as a loop over periods). The current run ends here.
	 */
	void continueAsNew(@Nullable Object input);

	/** A status the workflow reports while it runs, readable through the template. */
	void setCustomStatus(@Nullable Object status);

	/** Raises an event on another workflow instance. */
	void raiseEvent(String instanceId, String eventName, @Nullable Object data);

	/** A UUID that is the same on every replay. */
	UUID newUuid();

}
