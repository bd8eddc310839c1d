package dev.daprspring.boot.autoconfigure.actors.app;

import java.util.List;

import dev.daprspring.actors.annotation.DaprActor;
import org.jspecify.annotations.Nullable;

/** The Counter actor's interface, which callers get a proxy of. */
@DaprActor("Counter")
public interface Counter {

	int increment();

	/** Has the relay of the same id call increment back: a reentrant chain of calls. */
	int incrementViaRelay();

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

	/** Keeps the note's text in state for its number of seconds. */
	void remember(Note note);

	/** The note, while it lasts. */
	@Nullable String note();

	/** Registers reminder "tick" (every 500 ms) that the scheduler drops after two seconds. */
	void startTickingBriefly(String label);

	/** Registers timer "beat" calling beat(step) after 300 ms, then every 5 s. */
	void startSlowBeating(int step);

	/** Registers timer "beat" (every 300 ms) that ends after one and a half seconds. */
	void startBeatingBriefly(int step);

	/**
	 * A note to keep for a while.
	 *
	 * @param text what to keep
	 * @param seconds for how long
	 */
	record Note(String text, int seconds) {
	}

}
