package dev.daprspring.messaging.endpoint;

/**
 * A handler or declared subscription names no pub/sub component and there is no default
 * one to fall back to.
 */
public class NoPubSubException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public NoPubSubException(String message) {
		super(message);
	}

}
