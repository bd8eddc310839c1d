package dev.daprspring.boot.autoconfigure.actors.app;

import dev.daprspring.actors.annotation.DaprActor;
import dev.daprspring.actors.client.ActorProxyFactory;

/** Calls back into the counter that called it, through a proxy injected like any bean. */
@DaprActor("Relay")
public class RelayActor implements Relay {

	private final ActorProxyFactory actors;

	public RelayActor(ActorProxyFactory actors) {
		this.actors = actors;
	}

	@Override
	public int callBack(String counterId) {
		return this.actors.proxy(Counter.class, counterId).increment();
	}

}
