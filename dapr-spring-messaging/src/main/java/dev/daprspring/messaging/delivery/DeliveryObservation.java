package dev.daprspring.messaging.delivery;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.observation.DefaultTopicDeliveryObservationConvention;
import dev.daprspring.messaging.observation.TopicDeliveryObservationContext;
import dev.daprspring.messaging.observation.TopicDeliveryObservationConvention;

/**
 * The started observation of one event's delivery, continuing the publisher's trace; it
 * records the status answered when it stops.
 */
final class DeliveryObservation {

	private static final TopicDeliveryObservationConvention DEFAULT_CONVENTION =
			new DefaultTopicDeliveryObservationConvention();

	private final TopicDeliveryObservationContext context;

	private final Observation observation;

	private DeliveryObservation(TopicDeliveryObservationContext context, Observation observation) {
		this.context = context;
		this.observation = observation;
	}

	static DeliveryObservation start(IncomingEvent event, ObservationRegistry registry,
			@Nullable TopicDeliveryObservationConvention convention) {
		TopicDeliveryObservationContext context = new TopicDeliveryObservationContext(event);
		return new DeliveryObservation(context,
				Observation.createNotStarted(convention, DEFAULT_CONVENTION, () -> context, registry).start());
	}

	Observation.Scope openScope() {
		return this.observation.openScope();
	}

	void error(Throwable error) {
		this.observation.error(error);
	}

	/** Stops the observation with the status answered, or none when the delivery failed unexpectedly. */
	void stop(@Nullable TopicEventStatus status) {
		if (status != null) {
			this.context.setStatus(status);
		}
		this.observation.stop();
	}

}
