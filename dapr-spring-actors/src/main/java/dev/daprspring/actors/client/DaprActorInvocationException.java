package dev.daprspring.actors.client;

/**
 * The actor method that was called threw, or the actor's application has no such type or
 * method: carries the type and message of what it threw, as that application reported them.
 */
public class DaprActorInvocationException extends RuntimeException {

	private final String actorType;

	private final String actorId;

	private final String remoteType;

	public DaprActorInvocationException(String actorType, String actorId, String method, String remoteType,
			String remoteMessage) {
		this("Actor " + actorType + "/" + actorId + " threw " + remoteType + " in " + method + ": " + remoteMessage,
				actorType, actorId, remoteType);
	}

	/**
	 * @param message the whole message
	 * @param actorType the actor type called
	 * @param actorId the actor id called
	 * @param remoteType the class name of what the actor's application threw
	 */
	public DaprActorInvocationException(String message, String actorType, String actorId, String remoteType) {
		super(message);
		this.actorType = actorType;
		this.actorId = actorId;
		this.remoteType = remoteType;
	}

	public String getActorType() {
		return this.actorType;
	}

	public String getActorId() {
		return this.actorId;
	}

	/** The class name of the exception the actor method threw. */
	public String getRemoteType() {
		return this.remoteType;
	}

}
