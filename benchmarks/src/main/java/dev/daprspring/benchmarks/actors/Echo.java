package dev.daprspring.benchmarks.actors;

import dev.daprspring.actors.annotation.DaprActor;

/**
 * The interface of the benchmark's actor type, which the {@code proxy} client gets a
 * proxy of.
 */
@DaprActor(Echo.TYPE)
public interface Echo {

	/** The actor type. */
	String TYPE = "BenchEcho";

	/** The method the primary measurement calls. */
	String ECHO = "echo";

	/** The method of the {@code +state} variants. */
	String ECHO_AND_SAVE = "echoAndSave";

	/** Answers the payload it was given; touches no state. */
	Payload echo(Payload payload);

	/** Stores the payload in the actor's state (one state transaction at the end of the turn), then answers it. */
	Payload echoAndSave(Payload payload);

}
