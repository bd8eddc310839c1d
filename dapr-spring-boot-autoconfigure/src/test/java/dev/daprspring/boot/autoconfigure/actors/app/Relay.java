package dev.daprspring.boot.autoconfigure.actors.app;

import dev.daprspring.actors.annotation.DaprActor;

/** An actor that calls a counter back, closing a chain of calls. */
@DaprActor("Relay")
public interface Relay {

	/** Increments the counter of this id. */
	int callBack(String counterId);

}
