package dev.daprspring.workflows.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What to start: a workflow by name, with an input, an instance id and a start time. A
 * versioned workflow's new instances run its latest version (an instance keeps the version
 * its history recorded).
 *
 * @param workflow the workflow's name
 * @param input its input, written as JSON, or {@code null}
 * @param instanceId the instance id, or {@code null} for a random one
 * @param startAt when it starts, or {@code null} for now
 */
public record WorkflowStart(String workflow, @Nullable Object input, @Nullable String instanceId,
		@Nullable Instant startAt) {

	public static WorkflowStart of(String workflow, @Nullable Object input) {
		return new WorkflowStart(workflow, input, null, null);
	}

	public WorkflowStart withInstanceId(String instanceId) {
		return new WorkflowStart(this.workflow, this.input, instanceId, this.startAt);
	}

	public WorkflowStart startingAt(Instant startAt) {
		return new WorkflowStart(this.workflow, this.input, this.instanceId, startAt);
	}

}
