package dev.daprspring.boot.actuate.health;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.actuate.health.DaprHealthContribution;
import dev.daprspring.workflows.runtime.WorkflowRegistry;
import dev.daprspring.workflows.runtime.WorkflowWorker;

/**
 * The workflow worker in the {@code dapr} health: its state, what it runs and how many
 * work items it has; DOWN while its work-item stream from the sidecar is broken.
 */
public final class WorkflowWorkerHealth implements DaprHealthContribution {

	private final WorkflowWorker worker;

	public WorkflowWorkerHealth(WorkflowWorker worker) {
		this.worker = worker;
	}

	@Override
	public @Nullable String contribute(Map<String, Object> metadata, Map<String, Object> details) {
		WorkflowRegistry registry = this.worker.getRegistry();
		if (registry.isEmpty()) {
			return null;
		}
		details.put("workflowWorker", this.worker.getState().name());
		details.put("workflows", registry.workflowNames());
		details.put("workflowActivities", registry.activityNames());
		details.put("workflowWorkItems", this.worker.getActiveWorkItems());
		if (metadata.get("workflows") instanceof Map<?, ?> workflows && workflows.get("connectedWorkers") != null) {
			details.put("workflowConnectedWorkers", workflows.get("connectedWorkers"));
		}
		if (this.worker.getState() == WorkflowWorker.State.RECONNECTING) {
			return "The workflow worker's work-item stream from the sidecar is broken (" + this.worker.getLastError()
					+ " at " + this.worker.getLastErrorAt() + "): the workflows " + registry.workflowNames()
					+ " make no progress here until it is reopened";
		}
		return null;
	}

}
