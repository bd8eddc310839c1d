package dev.daprspring.benchmarks.workflows;

import io.dapr.workflows.Workflow;
import io.dapr.workflows.WorkflowStub;

/** {@link Workload#CHAIN} as an official-SDK workflow. */
public class OfficialChain implements Workflow {

	static final String NAME = "OfficialChain";

	@Override
	public WorkflowStub create() {
		return (context) -> {
			Integer value = context.getInput(Integer.class);
			for (int i = 0; i < Workload.CHAIN_LENGTH; i++) {
				value = context.callActivity(OfficialStep.NAME, value, Integer.class).await();
			}
			context.complete(value);
		};
	}

}
