package dev.daprspring.messaging.delivery;

/**
 * Thrown by a topic handler for an event that can never be handled: the sidecar drops it,
 * to the dead-letter topic if one is set, instead of delivering it again.
 */
public class DropMessageException extends RuntimeException {

	public DropMessageException(String message) {
		super(message);
	}

	public DropMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
