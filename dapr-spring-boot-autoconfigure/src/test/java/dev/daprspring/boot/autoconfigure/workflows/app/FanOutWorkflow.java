package dev.daprspring.boot.autoconfigure.workflows.app;

import java.util.List;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.WorkflowTask;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** Squares each number in parallel activities and sums the squares. */
@DaprWorkflow(name = "sum-of-squares")
public class FanOutWorkflow implements Workflow<List<Integer>, Integer> {

	@Override
	public Integer run(WorkflowContext context, List<Integer> numbers) {
		List<WorkflowTask<Integer>> squares = numbers.stream()
			.map((number) -> context.callActivity("square", number, Integer.class))
			.toList();
		return context.allOf(squares).await().stream().mapToInt(Integer::intValue).sum();
	}

}
