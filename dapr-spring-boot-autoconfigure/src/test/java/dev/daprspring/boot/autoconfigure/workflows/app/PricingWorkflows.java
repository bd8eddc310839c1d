package dev.daprspring.boot.autoconfigure.workflows.app;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** Two versions of one workflow: new instances run the latest. */
public final class PricingWorkflows {

	private PricingWorkflows() {
	}

	@DaprWorkflow(name = "pricing", version = "1")
	public static class PricingV1 implements Workflow<Integer, String> {

		@Override
		public String run(WorkflowContext context, Integer amount) {
			return "v1: " + amount;
		}

	}

	@DaprWorkflow(name = "pricing", version = "2", latest = true)
	public static class PricingV2 implements Workflow<Integer, String> {

		@Override
		public String run(WorkflowContext context, Integer amount) {
			return "v2: " + (amount * 110 / 100);
		}

	}

}
