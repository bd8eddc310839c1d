package dev.daprspring.boot.autoconfigure.workflows.app;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** Waits for a {@code go} event without a limit and returns its payload. */
@DaprWorkflow
public class WaitingWorkflow implements Workflow<String, String> {

	@Override
	public String run(WorkflowContext context, String label) {
		context.setCustomStatus("waiting");
		return label + ": " + context.waitForExternalEvent("go", String.class).await();
	}

}
