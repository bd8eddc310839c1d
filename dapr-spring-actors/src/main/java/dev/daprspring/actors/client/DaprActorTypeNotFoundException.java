package dev.daprspring.actors.client;

import java.util.Collection;

/**
 * No application instance on the sidecar's placement hosts the actor type that was called
 * (daprd found no address for the actor). Carries the types the calling application
 * hosts itself, since a misspelt type is the usual cause.
 */
public class DaprActorTypeNotFoundException extends DaprActorInvocationException {

	public DaprActorTypeNotFoundException(String actorType, String actorId, String sidecarMessage,
			Collection<String> hostedHere) {
		super("No application instance hosts actor type " + actorType + " (the sidecar says: " + sidecarMessage
				+ "); the types this application hosts are " + hostedHere
				+ ". Check the type's name, and that the application hosting it runs with the same placement",
				actorType, actorId, "");
	}

}
