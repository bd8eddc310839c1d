package dev.daprspring.actors.runtime;

/**
 * A call for an actor type, method or argument this application cannot serve; the message
 * names what it has instead.
 */
public final class UnknownActorException extends RuntimeException {

	public UnknownActorException(String message) {
		super(message);
	}

}
