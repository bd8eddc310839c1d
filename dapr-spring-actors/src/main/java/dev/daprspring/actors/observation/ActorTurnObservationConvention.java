package dev.daprspring.actors.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of actor turns.
 */
public interface ActorTurnObservationConvention extends ObservationConvention<ActorTurnObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ActorTurnObservationContext;
	}

}
