package dev.daprspring.actors.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * One turn of an actor hosted here: a method call, a reminder or a timer callback.
 */
public class ActorTurnObservationContext extends Observation.Context {

	private final String actorType;

	private final String actorId;

	private final String method;

	private final String trigger;

	private @Nullable String outcome;

	/**
	 * @param actorType the actor type
	 * @param actorId the actor id
	 * @param method the actor method that runs
	 * @param trigger {@code call}, {@code reminder} or {@code timer}
	 */
	public ActorTurnObservationContext(String actorType, String actorId, String method, String trigger) {
		this.actorType = actorType;
		this.actorId = actorId;
		this.method = method;
		this.trigger = trigger;
	}

	public String getActorType() {
		return this.actorType;
	}

	public String getActorId() {
		return this.actorId;
	}

	public String getMethod() {
		return this.method;
	}

	public String getTrigger() {
		return this.trigger;
	}

	/** {@code success} or {@code failure} once the turn ended, else {@code null}. */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
