package dev.daprspring.boot.autoconfigure.workflows.app;

import java.time.Duration;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.WorkflowRetryPolicy;
import dev.daprspring.workflows.WorkflowTaskFailedException;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/**
 * Calls an activity with retries: {@code flaky} succeeds on its third attempt; any other
 * name is called as {@code alwaysFails}, whose failure is returned when the input asks to
 * catch it and fails the workflow otherwise.
 */
@DaprWorkflow
public class RetryingWorkflow implements Workflow<String, String> {

	private static final WorkflowRetryPolicy THREE_TIMES = WorkflowRetryPolicy.of(3, Duration.ofMillis(200))
		.withBackoff(1.5, Duration.ofSeconds(1));

	@Override
	public String run(WorkflowContext context, String mode) {
		if (mode.equals("flaky")) {
			return "succeeded on attempt " + context.callActivity("flaky", null, Integer.class, THREE_TIMES).await();
		}
		if (mode.startsWith("catch:")) {
			try {
				return context.callActivity("alwaysFails", mode, String.class, THREE_TIMES).await();
			}
			catch (WorkflowTaskFailedException ex) {
				return "compensated " + ex.getTaskName() + " after " + ex.getFailure().type() + ": "
						+ ex.getFailure().message();
			}
		}
		if (mode.equals("unknown-activity")) {
			return context.callActivity("noSuchActivity", mode, String.class).await();
		}
		return context.callActivity("alwaysFails", mode, String.class, THREE_TIMES).await();
	}

}
