package dev.daprspring.actors.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Observations named {@code dapr.actors.turns} with low-cardinality tags: actor type,
 * method, trigger ({@code call}, {@code reminder}, {@code timer}) and outcome
 * ({@code success}, {@code failure}); the actor id is a high-cardinality tag.
 */
public class DefaultActorTurnObservationConvention implements ActorTurnObservationConvention {

	/** The observation (and timer) name. */
	public static final String NAME = "dapr.actors.turns";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ActorTurnObservationContext context) {
		return context.getActorType() + "." + context.getMethod();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ActorTurnObservationContext context) {
		String outcome = context.getOutcome();
		return KeyValues.of(KeyValue.of("actor.type", context.getActorType()),
				KeyValue.of("actor.method", context.getMethod()), KeyValue.of("trigger", context.getTrigger()),
				KeyValue.of("outcome", (outcome != null) ? outcome : "unknown"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ActorTurnObservationContext context) {
		return KeyValues.of(KeyValue.of("actor.id", context.getActorId()));
	}

}
