package dev.daprspring.actors.state;

import java.util.Optional;

/**
 * The state of one actor. Reads go to the sidecar once per key and activation; writes are
 * kept until the method returns and then saved together in one actor state transaction.
 * A method that throws saves nothing.
 */
public interface ActorStateManager {

	/** The value at this key, converted to the type, if there is one. */
	<T> Optional<T> get(String key, Class<T> type);

	/** Whether there is a value at this key. */
	boolean contains(String key);

	/** Sets the value at this key when the turn ends. */
	void set(String key, Object value);

	/** Removes the key when the turn ends. */
	void remove(String key);

}
