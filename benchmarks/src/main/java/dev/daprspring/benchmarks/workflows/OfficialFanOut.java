package dev.daprspring.benchmarks.workflows;

import java.util.ArrayList;
import java.util.List;

import io.dapr.durabletask.Task;
import io.dapr.workflows.Workflow;
import io.dapr.workflows.WorkflowStub;

/** {@link Workload#FAN_OUT} as an official-SDK workflow. */
public class OfficialFanOut implements Workflow {

	static final String NAME = "OfficialFanOut";

	@Override
	public WorkflowStub create() {
		return (context) -> {
			int base = context.getInput(Integer.class);
			List<Task<Integer>> tasks = new ArrayList<>(Workload.FAN_OUT_WIDTH);
			for (int i = 0; i < Workload.FAN_OUT_WIDTH; i++) {
				tasks.add(context.callActivity(OfficialStep.NAME, base + i, Integer.class));
			}
			int sum = 0;
			for (Integer result : context.allOf(tasks).await()) {
				sum += result;
			}
			context.complete(sum);
		};
	}

}
