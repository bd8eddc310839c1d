package dev.daprspring.boot.autoconfigure.workflows.app;

import java.util.List;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** Runs the fan-out as a child workflow and doubles its output. */
@DaprWorkflow
public class ParentWorkflow implements Workflow<Integer, Integer> {

	@Override
	public Integer run(WorkflowContext context, Integer upTo) {
		List<Integer> numbers = java.util.stream.IntStream.rangeClosed(1, upTo).boxed().toList();
		Integer sum = context.callChildWorkflow("sum-of-squares", numbers, Integer.class).await();
		return 2 * sum;
	}

}
