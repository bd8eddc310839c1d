package dev.daprspring.workflows.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Observations named {@code dapr.workflows.executions} with low-cardinality tags: kind
 * ({@code workflow}, {@code activity}), name and outcome; the instance id is a
 * high-cardinality tag.
 */
public class DefaultWorkflowExecutionObservationConvention implements WorkflowExecutionObservationConvention {

	/** The observation (and timer) name. */
	public static final String NAME = "dapr.workflows.executions";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(WorkflowExecutionObservationContext context) {
		return context.getExecutionKind() + " " + context.getWorkflowName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(WorkflowExecutionObservationContext context) {
		String outcome = context.getOutcome();
		return KeyValues.of(KeyValue.of("kind", context.getExecutionKind()), KeyValue.of("name", context.getWorkflowName()),
				KeyValue.of("outcome", (outcome != null) ? outcome : "unknown"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(WorkflowExecutionObservationContext context) {
		return KeyValues.of(KeyValue.of("instance.id", context.getInstanceId()));
	}

}
