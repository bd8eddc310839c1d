package dev.daprspring.boot.autoconfigure.workflows.app;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.WorkflowEventTimeoutException;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** Waits on a durable timer, then for an approval event with a timeout. */
@DaprWorkflow
public class ApprovalWorkflow implements Workflow<Approval, String> {

	@Override
	public String run(WorkflowContext context, Approval approval) {
		context.createTimer(approval.delay()).await();
		context.setCustomStatus("waiting for approval");
		try {
			String approver = context.waitForExternalEvent("approval", approval.timeout(), String.class).await();
			return approval.item() + " approved by " + approver;
		}
		catch (WorkflowEventTimeoutException ex) {
			return approval.item() + " not approved: " + ex.getMessage();
		}
	}

}
