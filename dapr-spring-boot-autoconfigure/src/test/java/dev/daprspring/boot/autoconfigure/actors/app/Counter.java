package dev.daprspring.boot.autoconfigure.actors.app;

import java.util.List;

import dev.daprspring.actors.annotation.DaprActor;

/** The Counter actor's interface, which callers get a proxy of. */
@DaprActor("Counter")
public interface Counter {

	int increment();

	int count();

	String greet(String name);

	void fail(String why);

	/** Registers reminder "tick" (every 500 ms) carrying this label. */
	void startTicking(String label);

	void stopTicking();

	/** The labels the reminder delivered, one per tick. */
	List<String> ticks();

	/** Registers timer "beat" calling beat(step) every 300 ms. */
	void startBeating(int step);

	int beats();

	void beat(int step);

}
