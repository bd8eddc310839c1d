package dev.daprspring.boot.actuate.endpoint;

import dev.daprspring.boot.actuate.endpoint.ApplicationDescriptor.WorkflowEntry;
import dev.daprspring.boot.actuate.endpoint.ApplicationDescriptor.WorkflowHost;
import dev.daprspring.workflows.runtime.WorkflowWorker;

/**
 * Describes the workflow worker and what it runs for the {@code dapr} endpoint.
 */
public final class WorkflowHosts {

	private WorkflowHosts() {
	}

	public static WorkflowHost describe(WorkflowWorker worker) {
		return new WorkflowHost(worker.getState().name(), worker.getLastError(),
				worker.getRegistry()
					.workflows()
					.stream()
					.map((workflow) -> new WorkflowEntry(workflow.name(), workflow.version(),
							workflow.implementation().getName()))
					.toList(),
				worker.getRegistry().activityNames().stream().toList(), worker.getActiveWorkItems());
	}

}
