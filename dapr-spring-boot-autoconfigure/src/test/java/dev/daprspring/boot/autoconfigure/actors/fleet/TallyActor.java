package dev.daprspring.boot.autoconfigure.actors.fleet;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import dev.daprspring.actors.ActorContext;
import dev.daprspring.actors.annotation.DaprActor;
import dev.daprspring.actors.annotation.DaprReminder;

/**
 * A total in actor state, with a reminder that counts its calls in state too, so both
 * survive the actor moving to another instance.
 */
@DaprActor("Tally")
public class TallyActor implements Tally {

	private final ActorContext context;

	private final ActiveTallies active;

	public TallyActor(ActorContext context, ActiveTallies active) {
		this.context = context;
		this.active = active;
	}

	@PostConstruct
	void activated() {
		this.active.activated(this.context.actorId());
	}

	@PreDestroy
	void deactivated() {
		this.active.deactivated(this.context.actorId());
	}

	@Override
	public String add(int amount) {
		this.context.state().set("total", total() + amount);
		return this.active.instance();
	}

	@Override
	public void addBriefly(int amount) {
		this.context.state().set("total", total() + amount, Duration.ofSeconds(2));
	}

	@Override
	public int total() {
		return this.context.state().get("total", Integer.class).orElse(0);
	}

	@Override
	public void startNudging() {
		this.context.schedules().registerReminder("nudge", Duration.ofSeconds(1), Duration.ofSeconds(1), null);
	}

	@Override
	public void stopNudging() {
		this.context.schedules().unregisterReminder("nudge");
	}

	@DaprReminder("nudge")
	public void nudge() {
		this.context.state().set("nudges", new Nudges(nudges().count() + 1, this.active.instance()));
	}

	@Override
	public Nudges nudges() {
		return this.context.state().get("nudges", Nudges.class).orElse(new Nudges(0, ""));
	}

}
