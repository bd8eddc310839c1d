package dev.daprspring.workflows.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.daprspring.workflows.Workflow;

/**
 * Schedules and manages workflow instances through the sidecar. Implemented by
 * {@link DaprWorkflowTemplate}. Every operation on an instance id the sidecar does not
 * know throws {@link WorkflowInstanceNotFoundException}.
 */
public interface WorkflowOperations {

	/**
	 * Starts a workflow now with a random instance id.
	 * @return the instance id
	 */
	String schedule(String workflow, @Nullable Object input);

	/** Starts the {@code @DaprWorkflow} bean class's workflow now with a random instance id. */
	String schedule(Class<? extends Workflow<?, ?>> workflow, @Nullable Object input);

	/**
	 * Starts a workflow as described.
	 * @return the instance id
	 * @throws WorkflowInstanceExistsException if the id is that of an instance that has not ended
	 * @throws IllegalArgumentException if this application runs workflows but not this one,
	 * or the input does not convert to the workflow's input type
	 */
	String schedule(WorkflowStart start);

	/** The instance as recorded now, with input, output and custom status. */
	Optional<WorkflowInstance> find(String instanceId);

	/** The instance as recorded now; throws if unknown. */
	WorkflowInstance get(String instanceId);

	/**
	 * Waits until the instance has started (is no longer pending).
	 * @throws WorkflowWaitTimeoutException if it has not within the timeout
	 */
	WorkflowInstance waitForStart(String instanceId, Duration timeout);

	/**
	 * Waits until the instance has ended (completed, failed or terminated).
	 * @throws WorkflowWaitTimeoutException if it has not within the timeout
	 */
	WorkflowInstance waitForCompletion(String instanceId, Duration timeout);

	/** Raises an event the instance waits for (or will wait for: events are kept until then). */
	void raiseEvent(String instanceId, String eventName, @Nullable Object payload);

	/** Pauses the instance: it takes no further steps until resumed. */
	void suspend(String instanceId, @Nullable String reason);

	void resume(String instanceId, @Nullable String reason);

	/** Ends the instance (and its child workflows) with this output. */
	void terminate(String instanceId, @Nullable Object output);

	/** Removes an ended instance and its history. */
	void purge(String instanceId);

	/** The ids of the instances the sidecar's state store holds. */
	List<String> listInstanceIds();

	/**
	 * Runs an ended instance again from one of its history events, as a new instance.
	 * @param sourceInstanceId the ended instance
	 * @param eventId the history event to start from (an activity's scheduling, say)
	 * @param newInstanceId the new instance's id, or {@code null} for a random one
	 * @return the new instance's id
	 */
	String rerun(String sourceInstanceId, int eventId, @Nullable String newInstanceId);

}
