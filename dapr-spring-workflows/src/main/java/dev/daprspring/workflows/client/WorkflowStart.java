package dev.daprspring.workflows.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What to start: a workflow by name, with an input, an instance id and a start time.
 *
 * @param workflow the workflow's name
 * @param input its input, written as JSON, or {@code null}
 * @param instanceId the instance id, or {@code null} for a random one
 * @param startAt when it starts, or {@code null} for now
 * @param version the version to run, or {@code null} for the latest
 */
public record WorkflowStart(String workflow, @Nullable Object input, @Nullable String instanceId,
		@Nullable Instant startAt, @Nullable String version) {

	public static WorkflowStart of(String workflow, @Nullable Object input) {
		return new WorkflowStart(workflow, input, null, null, null);
	}

	public WorkflowStart withInstanceId(String instanceId) {
		return new WorkflowStart(this.workflow, this.input, instanceId, this.startAt, this.version);
	}

	public WorkflowStart startingAt(Instant startAt) {
		return new WorkflowStart(this.workflow, this.input, this.instanceId, startAt, this.version);
	}

	public WorkflowStart withVersion(String version) {
		return new WorkflowStart(this.workflow, this.input, this.instanceId, this.startAt, version);
	}

}
