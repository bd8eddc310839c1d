package dev.daprspring.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags observations of calls to the sidecar.
 */
public interface DaprClientObservationConvention extends ObservationConvention<DaprClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof DaprClientObservationContext;
	}

}
