package dev.daprspring.messaging.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags observations of deliveries to {@code @Topic} handlers.
 */
public interface TopicDeliveryObservationConvention extends ObservationConvention<TopicDeliveryObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TopicDeliveryObservationContext;
	}

}
