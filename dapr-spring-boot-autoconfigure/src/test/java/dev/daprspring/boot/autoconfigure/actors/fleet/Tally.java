package dev.daprspring.boot.autoconfigure.actors.fleet;

import dev.daprspring.actors.annotation.DaprActor;

/** The Tally actor's interface. */
@DaprActor("Tally")
public interface Tally {

	/** Adds to the total and answers the instance the actor is active on. */
	String add(int amount);

	int total();

	/** Sets the total to this amount for two seconds (state with a TTL). */
	void addBriefly(int amount);

	/** Registers reminder "nudge", every second. */
	void startNudging();

	void stopNudging();

	/** How many nudges arrived, and on which instance the last one ran. */
	Nudges nudges();

	/**
	 * What the reminder delivered.
	 *
	 * @param count how many nudges arrived
	 * @param lastInstance where the last one ran
	 */
	record Nudges(int count, String lastInstance) {
	}

}
