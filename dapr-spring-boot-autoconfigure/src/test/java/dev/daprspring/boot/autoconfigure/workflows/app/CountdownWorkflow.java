package dev.daprspring.boot.autoconfigure.workflows.app;

import java.time.Duration;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** Continues as new until the countdown reaches zero. */
@DaprWorkflow
public class CountdownWorkflow implements Workflow<Countdown, String> {

	@Override
	public String run(WorkflowContext context, Countdown countdown) {
		if (countdown.remaining() == 0) {
			return "done after " + countdown.runs() + " runs";
		}
		context.createTimer(Duration.ofMillis(100)).await();
		context.continueAsNew(new Countdown(countdown.remaining() - 1, countdown.runs() + 1));
		return null;
	}

}
