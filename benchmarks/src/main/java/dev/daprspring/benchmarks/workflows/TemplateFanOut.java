package dev.daprspring.benchmarks.workflows;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.WorkflowTask;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** {@link Workload#FAN_OUT} as a {@code @DaprWorkflow} bean. */
@DaprWorkflow(name = TemplateFanOut.NAME)
public class TemplateFanOut implements Workflow<Integer, Integer> {

	static final String NAME = "TemplateFanOut";

	@Override
	public Integer run(WorkflowContext context, @Nullable Integer input) {
		int base = (input != null) ? input : 0;
		List<WorkflowTask<Integer>> tasks = new ArrayList<>(Workload.FAN_OUT_WIDTH);
		for (int i = 0; i < Workload.FAN_OUT_WIDTH; i++) {
			tasks.add(context.callActivity(TemplateActivities.STEP, base + i, Integer.class));
		}
		List<Integer> results = context.allOf(tasks).await();
		int sum = 0;
		for (Integer result : (results != null) ? results : List.<Integer>of()) {
			sum += result;
		}
		return sum;
	}

}
