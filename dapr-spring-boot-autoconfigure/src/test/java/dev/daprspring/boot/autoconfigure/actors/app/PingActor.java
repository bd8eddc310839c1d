package dev.daprspring.boot.autoconfigure.actors.app;

import dev.daprspring.actors.ActorContext;
import dev.daprspring.actors.annotation.DaprActor;
import dev.daprspring.actors.client.ActorProxyFactory;

/** Re-enters itself through the sidecar; the nested calls' state is saved with the first. */
@DaprActor("Ping")
public class PingActor implements Ping {

	private final ActorContext context;

	private final ActorProxyFactory actors;

	public PingActor(ActorContext context, ActorProxyFactory actors) {
		this.context = context;
		this.actors = actors;
	}

	@Override
	public int bounce(int times) {
		this.context.state().set("bounces", bounces() + 1);
		if (times == 0) {
			return bounces();
		}
		return this.actors.proxy(Ping.class, this.context.actorId()).bounce(times - 1);
	}

	@Override
	public int bounces() {
		return this.context.state().get("bounces", Integer.class).orElse(0);
	}

}
