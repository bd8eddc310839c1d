package dev.daprspring.boot.autoconfigure.actors.app;

import jakarta.annotation.PreDestroy;

import dev.daprspring.actors.ActorContext;
import dev.daprspring.actors.annotation.DaprActor;

/**
 * One instance per active counter id. Its count lives in actor state; the field-free
 * read-modify-write is exact only because the sidecar runs one call per id at a time.
 */
@DaprActor("Counter")
public class CounterActor implements Counter {

	private final ActorContext context;

	private final Greeter greeter;

	private final Deactivations deactivations;

	public CounterActor(ActorContext context, Greeter greeter, Deactivations deactivations) {
		this.context = context;
		this.greeter = greeter;
		this.deactivations = deactivations;
	}

	@Override
	public int increment() {
		int next = count() + 1;
		this.context.state().set("count", next);
		return next;
	}

	@Override
	public int count() {
		return this.context.state().get("count", Integer.class).orElse(0);
	}

	@Override
	public String greet(String name) {
		return this.greeter.greet(name) + " from " + this.context.actorId();
	}

	@Override
	public void fail(String why) {
		this.context.state().set("count", -1);
		throw new IllegalStateException(why);
	}

	@PreDestroy
	void deactivated() {
		this.deactivations.add(this.context.actorId());
	}

}
