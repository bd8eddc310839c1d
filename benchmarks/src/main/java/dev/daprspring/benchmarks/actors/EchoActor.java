package dev.daprspring.benchmarks.actors;

import dev.daprspring.actors.ActorContext;
import dev.daprspring.actors.annotation.DaprActor;

/**
 * The benchmark's actor type: one instance per actor id, hosted by {@link ActorsApp}.
 */
@DaprActor(Echo.TYPE)
public class EchoActor implements Echo {

	private final ActorContext context;

	public EchoActor(ActorContext context) {
		this.context = context;
	}

	@Override
	public Payload echo(Payload payload) {
		return payload;
	}

	@Override
	public Payload echoAndSave(Payload payload) {
		this.context.state().set("last", payload);
		return payload;
	}

}
