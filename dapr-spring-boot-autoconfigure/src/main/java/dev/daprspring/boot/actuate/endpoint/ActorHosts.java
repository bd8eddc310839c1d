package dev.daprspring.boot.actuate.endpoint;

import java.util.List;

import dev.daprspring.actors.runtime.ActorTypes;
import dev.daprspring.boot.actuate.endpoint.ApplicationDescriptor.ActorHost;

/**
 * Describes the actor types an application hosts for the {@code dapr} endpoint.
 */
public final class ActorHosts {

	private ActorHosts() {
	}

	public static List<ActorHost> describe(ActorTypes types) {
		return types.all()
			.stream()
			.map((type) -> new ActorHost(type.name(), type.implementation().getName(),
					List.copyOf(type.methods().keySet()), List.copyOf(type.reminders().keySet())))
			.toList();
	}

}
