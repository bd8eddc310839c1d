package dev.daprspring.actors.runtime;

/**
 * An actor method threw: what the caller is told, as the type and message of the
 * exception.
 */
public final class ActorMethodFailure extends RuntimeException {

	private final String remoteType;

	public ActorMethodFailure(String remoteType, String message, Throwable cause) {
		super(message, cause);
		this.remoteType = remoteType;
	}

	public String getRemoteType() {
		return this.remoteType;
	}

}
