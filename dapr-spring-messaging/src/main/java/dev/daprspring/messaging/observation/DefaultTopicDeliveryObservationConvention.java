package dev.daprspring.messaging.observation;

import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicEventStatus;

/**
 * Observations named {@code dapr.messaging.deliveries} with low-cardinality tags: pub/sub,
 * topic and outcome ({@code success}, {@code retry} or {@code drop}).
 */
public class DefaultTopicDeliveryObservationConvention implements TopicDeliveryObservationConvention {

	/** The observation (and timer) name. */
	public static final String NAME = "dapr.messaging.deliveries";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TopicDeliveryObservationContext context) {
		return context.getEvent().topic() + " receive";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TopicDeliveryObservationContext context) {
		IncomingEvent event = context.getEvent();
		TopicEventStatus status = context.getStatus();
		return KeyValues.of(KeyValue.of("pubsub", event.pubsub()), KeyValue.of("topic", event.topic()),
				KeyValue.of("outcome", (status != null) ? status.name().toLowerCase(Locale.ROOT) : "unknown"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TopicDeliveryObservationContext context) {
		String id = context.getEvent().id();
		return (id != null) ? KeyValues.of(KeyValue.of("event.id", id)) : KeyValues.empty();
	}

}
