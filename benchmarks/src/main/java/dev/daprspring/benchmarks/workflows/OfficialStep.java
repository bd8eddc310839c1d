package dev.daprspring.benchmarks.workflows;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

/** The activity of the official SDK's workflows. */
public class OfficialStep implements WorkflowActivity {

	static final String NAME = "OfficialStep";

	@Override
	public Object run(WorkflowActivityContext context) {
		return context.getInput(Integer.class) + 1;
	}

}
