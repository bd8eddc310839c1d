package dev.daprspring.actors;

import dev.daprspring.actors.state.ActorStateManager;

/**
 * What an actor instance knows of itself, injected into its constructor.
 */
public interface ActorContext {

	/** The actor type, for example {@code Cart}. */
	String actorType();

	/** This instance's actor id. */
	String actorId();

	/** The actor's state, read through a cache and written at the end of each turn. */
	ActorStateManager state();

	/** The actor's timers and reminders. */
	ActorSchedules schedules();

}
