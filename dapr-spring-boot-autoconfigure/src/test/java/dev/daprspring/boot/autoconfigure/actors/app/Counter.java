package dev.daprspring.boot.autoconfigure.actors.app;

import dev.daprspring.actors.annotation.DaprActor;

/** The Counter actor's interface, which callers get a proxy of. */
@DaprActor("Counter")
public interface Counter {

	int increment();

	int count();

	String greet(String name);

	void fail(String why);

}
