package dev.daprspring.benchmarks.workflows;

import dev.daprspring.workflows.client.WorkflowInstance;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.client.WorkflowStatus;
import dev.daprspring.workflows.runtime.WorkflowWorker;

/**
 * This project's worker and template, the beans of the application's context:
 * {@code schedule(name, input)} then {@code waitForCompletion(id, timeout)}.
 */
final class TemplateWorkflowClient implements WorkflowClient {

	private final WorkflowOperations workflows;

	private final WorkflowWorker worker;

	TemplateWorkflowClient(WorkflowOperations workflows, WorkflowWorker worker) {
		this.workflows = workflows;
		this.worker = worker;
	}

	@Override
	public String name() {
		return "template";
	}

	@Override
	public void startWorker() {
		this.worker.start();
	}

	@Override
	public void stopWorker() {
		this.worker.stop();
	}

	@Override
	public int run(Workload workload, int input) {
		String name = (workload == Workload.CHAIN) ? TemplateChain.NAME : TemplateFanOut.NAME;
		String id = this.workflows.schedule(name, input);
		WorkflowInstance done = this.workflows.waitForCompletion(id, COMPLETION_TIMEOUT);
		Integer output = done.output(Integer.class);
		if (done.status() != WorkflowStatus.COMPLETED || output == null) {
			throw new IllegalStateException("Workflow " + id + " ended " + done.status() + ": " + done.failure());
		}
		return output;
	}

}
