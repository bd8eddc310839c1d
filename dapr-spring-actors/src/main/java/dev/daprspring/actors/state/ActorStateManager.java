package dev.daprspring.actors.state;

import java.time.Duration;

import java.util.Optional;

/**
 * The state of one actor. Writes are kept until the method returns and then saved together
 * in one actor state transaction; a method that throws saves nothing. What the actor wrote
 * is cached for its activation (until the TTL, if any); a value read from the store is
 * read again in a later turn unless the store reported when it expires.
 */
public interface ActorStateManager {

	/** The value at this key, converted to the type, if there is one. */
	<T> Optional<T> get(String key, Class<T> type);

	/** Whether there is a value at this key. */
	boolean contains(String key);

	/** Sets the value at this key when the turn ends. */
	void set(String key, Object value);

	/**
	 * Sets the value at this key when the turn ends; the state store drops it after
	 * {@code ttl} (whole seconds, at least one).
	 */
	void set(String key, Object value, Duration ttl);

	/** Removes the key when the turn ends. */
	void remove(String key);

}
