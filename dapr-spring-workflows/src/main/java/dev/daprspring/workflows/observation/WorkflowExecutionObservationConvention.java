package dev.daprspring.workflows.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of workflow and activity executions.
 */
public interface WorkflowExecutionObservationConvention
		extends ObservationConvention<WorkflowExecutionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof WorkflowExecutionObservationContext;
	}

}
