package dev.daprspring.boot.autoconfigure.actors.app;

import dev.daprspring.actors.annotation.DaprActor;

/** An actor type with reentrancy on (per-type settings), calling itself. */
@DaprActor("Ping")
public interface Ping {

	/** Calls itself {@code times} more times, each call counting itself in state. */
	int bounce(int times);

	int bounces();

}
