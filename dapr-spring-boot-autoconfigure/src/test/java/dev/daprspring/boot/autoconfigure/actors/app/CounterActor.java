package dev.daprspring.boot.autoconfigure.actors.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;

import dev.daprspring.actors.ActorContext;
import dev.daprspring.actors.annotation.DaprActor;
import dev.daprspring.actors.annotation.DaprReminder;
import dev.daprspring.actors.client.ActorProxyFactory;
import org.jspecify.annotations.Nullable;

/**
 * One instance per active counter id. Its count lives in actor state; the field-free
 * read-modify-write is exact only because the sidecar runs one call per id at a time.
 */
@DaprActor("Counter")
public class CounterActor implements Counter {

	private final ActorContext context;

	private final Greeter greeter;

	private final Deactivations deactivations;

	private final ActorProxyFactory actors;

	public CounterActor(ActorContext context, Greeter greeter, Deactivations deactivations,
			ActorProxyFactory actors) {
		this.context = context;
		this.greeter = greeter;
		this.deactivations = deactivations;
		this.actors = actors;
	}

	@Override
	public int increment() {
		int next = count() + 1;
		this.context.state().set("count", next);
		return next;
	}

	@Override
	public int incrementViaRelay() {
		return this.actors.proxy(Relay.class, this.context.actorId()).callBack(this.context.actorId());
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

	@Override
	public void startTicking(String label) {
		this.context.schedules().registerReminder("tick", Duration.ofMillis(500), Duration.ofMillis(500), label);
	}

	@Override
	public void stopTicking() {
		this.context.schedules().unregisterReminder("tick");
	}

	@DaprReminder("tick")
	public void tick(String label) {
		List<String> ticks = new ArrayList<>(ticks());
		ticks.add(label);
		this.context.state().set("ticks", ticks);
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<String> ticks() {
		return this.context.state().get("ticks", List.class).orElse(List.of());
	}

	@Override
	public void startBeating(int step) {
		this.context.schedules().registerTimer("beat", "beat", Duration.ofMillis(300), Duration.ofMillis(300), step);
	}

	@Override
	public void beat(int step) {
		this.context.state().set("beats", beats() + step);
	}

	@Override
	public int beats() {
		return this.context.state().get("beats", Integer.class).orElse(0);
	}

	@Override
	public void remember(Note note) {
		this.context.state().set("note", note.text(), Duration.ofSeconds(note.seconds()));
	}

	@Override
	public @Nullable String note() {
		return this.context.state().get("note", String.class).orElse(null);
	}

	@Override
	public void startTickingBriefly(String label) {
		this.context.schedules()
			.registerReminder("tick", Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(2), label);
	}

	@Override
	public void startSlowBeating(int step) {
		this.context.schedules().registerTimer("beat", "beat", Duration.ofMillis(300), Duration.ofSeconds(5), step);
	}

	@Override
	public void startBeatingBriefly(int step) {
		this.context.schedules()
			.registerTimer("beat", "beat", Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(1500), step);
	}

	@PreDestroy
	void deactivated() {
		this.deactivations.add(this.context.actorId());
	}

}
