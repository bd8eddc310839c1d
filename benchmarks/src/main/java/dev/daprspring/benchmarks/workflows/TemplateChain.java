package dev.daprspring.benchmarks.workflows;

import org.jspecify.annotations.Nullable;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** {@link Workload#CHAIN} as a {@code @DaprWorkflow} bean. */
@DaprWorkflow(name = TemplateChain.NAME)
public class TemplateChain implements Workflow<Integer, Integer> {

	static final String NAME = "TemplateChain";

	@Override
	public Integer run(WorkflowContext context, @Nullable Integer input) {
		Integer value = (input != null) ? input : 0;
		for (int i = 0; i < Workload.CHAIN_LENGTH; i++) {
			value = context.callActivity(TemplateActivities.STEP, value, Integer.class).await();
		}
		return value;
	}

}
