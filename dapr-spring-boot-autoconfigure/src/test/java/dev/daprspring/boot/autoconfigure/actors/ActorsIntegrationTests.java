package dev.daprspring.boot.autoconfigure.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.daprspring.actors.client.ActorProxyFactory;
import dev.daprspring.actors.client.DaprActorInvocationException;
import dev.daprspring.actors.client.DaprActorReentrancyException;
import dev.daprspring.actors.client.DaprActorTypeNotFoundException;
import dev.daprspring.actors.observation.ActorTurnObservationContext;
import dev.daprspring.boot.autoconfigure.actors.app.Counter;
import dev.daprspring.boot.autoconfigure.actors.app.CounterActor;
import dev.daprspring.boot.autoconfigure.actors.app.CountersApplication;
import dev.daprspring.boot.autoconfigure.actors.app.Deactivations;
import dev.daprspring.boot.autoconfigure.actors.app.Ping;
import dev.daprspring.boot.autoconfigure.actors.app.TurnRecorder;
import dev.daprspring.boot.actuate.endpoint.ApplicationDescriptor.ActorHost;
import dev.daprspring.boot.actuate.endpoint.DaprEndpoint;
import dev.daprspring.boot.actuate.health.DaprHealthIndicator;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Actors hosted by a Spring Boot application and called through proxies, on a launched
 * daprd with the placement and scheduler processes the launcher starts because the
 * application hosts actors.
 */
@SpringBootTest(classes = CountersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.actors.idle-timeout=2s", "dapr.actors.scan-interval=1s",
				"dapr.actors.types.Ping.reentrancy=true", "dapr.actors.types.Ping.max-stack-depth=4",
				"management.endpoints.web.exposure.include=dapr,health" })
class ActorsIntegrationTests {

	@Autowired
	ActorProxyFactory actors;

	@Autowired
	Deactivations deactivations;

	@Autowired
	ApplicationContext context;

	@Test
	void theControlPlaneIsLaunchedBecauseTheApplicationHostsActors() {
		assertThat(this.context.getBean(DaprPlacement.class).isRunning()).isTrue();
		assertThat(this.context.getBean(DaprScheduler.class).isRunning()).isTrue();
	}

	@Test
	void turnsAreObservedWithTypeMethodTriggerAndOutcome() {
		Counter counter = this.actors.proxy(Counter.class, "c-observed");
		counter.increment();
		assertThatExceptionOfType(DaprActorInvocationException.class).isThrownBy(() -> counter.fail("observed"));
		List<ActorTurnObservationContext> turns = this.context.getBean(TurnRecorder.class)
			.stopped()
			.stream()
			.filter((turn) -> turn.getActorId().equals("c-observed"))
			.toList();
		assertThat(turns).extracting(ActorTurnObservationContext::getName, ActorTurnObservationContext::getMethod,
				ActorTurnObservationContext::getTrigger, ActorTurnObservationContext::getOutcome)
			.containsExactly(tuple("dapr.actors.turns", "increment", "call", "success"),
					tuple("dapr.actors.turns", "fail", "call", "failure"));
		assertThat(turns.get(1).getError()).hasMessage("observed");
	}

	@Test
	void theDaprEndpointListsTheHostedActorTypes() {
		List<ActorHost> actors = this.context.getBean(DaprEndpoint.class).dapr().application().actors();
		assertThat(actors).extracting(ActorHost::type).containsExactly("Counter", "Ping", "Relay");
		assertThat(actors.get(0).implementation()).isEqualTo(CounterActor.class.getName());
		assertThat(actors.get(0).methods()).contains("increment", "incrementViaRelay");
		assertThat(actors.get(0).reminders()).containsExactly("tick");
	}

	@Test
	void healthIsDownWithTheReasonWhilePlacementIsGoneAndUpAgainWhenItIsBack() {
		DaprHealthIndicator health = this.context.getBean(DaprHealthIndicator.class);
		assertThat(health.health().getDetails()).containsEntry("actorRuntime", "RUNNING")
			.containsEntry("actorPlacement", "placement: connected")
			.containsEntry("actorHostReady", true);
		DaprPlacement placement = this.context.getBean(DaprPlacement.class);
		placement.stop();
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Health down = health.health();
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(String.valueOf(down.getDetails().get("reason"))).startsWith(
						"The sidecar is not connected to placement (actor runtime says placement: disconnected, "
								+ "hostReady false): the actor types hosted here [Counter, Ping, Relay] cannot be "
								+ "activated or called.");
			});
		}
		finally {
			placement.start();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
		assertThat(this.actors.proxy(Counter.class, "c-after-placement").increment()).isEqualTo(1);
	}

	@Test
	void stateIsKeptAcrossCallsAndApplicationBeansAreInjected() {
		Counter counter = this.actors.proxy(Counter.class, "c-1");
		assertThat(counter.increment()).isEqualTo(1);
		assertThat(counter.increment()).isEqualTo(2);
		assertThat(counter.count()).isEqualTo(2);
		assertThat(counter.greet("Ada")).isEqualTo("Hello Ada from c-1");
		assertThat(this.actors.proxy(Counter.class, "c-2").count()).isZero();
	}

	@Test
	void concurrentCallsOnOneIdRunOneAtATime() throws Exception {
		Counter counter = this.actors.proxy(Counter.class, "c-concurrent");
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				calls.add(pool.submit(counter::increment));
			}
			Set<Integer> results = new TreeSet<>();
			for (Future<Integer> call : calls) {
				results.add(call.get());
			}
			assertThat(results).containsExactlyElementsOf(IntStream.rangeClosed(1, 32).boxed().toList());
			assertThat(counter.count()).isEqualTo(32);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aMethodThatThrowsReachesTheCallerByNameAndSavesNothing() {
		Counter counter = this.actors.proxy(Counter.class, "c-failing");
		counter.increment();
		assertThatExceptionOfType(DaprActorInvocationException.class).isThrownBy(() -> counter.fail("out of stock"))
			.withMessageContaining("Counter/c-failing threw java.lang.IllegalStateException in fail: out of stock")
			.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo("java.lang.IllegalStateException"));
		assertThat(counter.count()).isEqualTo(1);
	}

	@Test
	void anIdleActorIsDeactivatedAndItsStateComesBackWithTheNextCall() {
		Counter counter = this.actors.proxy(Counter.class, "c-idle");
		assertThat(counter.increment()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.deactivations.ids().contains("c-idle"));
		assertThat(counter.increment()).isEqualTo(2);
	}

	@Test
	void aReminderCallsItsMethodWithItsDataUntilItIsUnregistered() {
		Counter counter = this.actors.proxy(Counter.class, "c-reminded");
		counter.startTicking("tock");
		await().atMost(Duration.ofSeconds(30)).until(() -> counter.ticks().size() >= 2);
		assertThat(counter.ticks()).containsOnly("tock");
		counter.stopTicking();
	}

	@Test
	void aTimerCallsTheMethodItNamesWithItsData() {
		Counter counter = this.actors.proxy(Counter.class, "c-timed");
		counter.startBeating(5);
		await().atMost(Duration.ofSeconds(30)).until(() -> counter.beats() >= 10);
		assertThat(counter.beats() % 5).isZero();
	}

	@Test
	void aTimerStopsWhenItsActorIsDeactivated() {
		Counter counter = this.actors.proxy(Counter.class, "c-timer-deactivated");
		// A timer's callbacks count as calls (daprd 1.17.5 moves the idle deadline on each), so only a
		// period longer than the idle timeout (2s here) lets the actor be deactivated between beats.
		counter.startSlowBeating(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.deactivations.ids().contains("c-timer-deactivated"));
		// Reading the count activates the actor again, without the timer: the beat due 5s after the
		// first never comes.
		await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(30)).until(() -> counter.beats() == 1);
	}

	@Test
	void anUnknownMethodIsReportedWithTheTypesMethods() {
		Resettable resettable = this.actors.proxy(Resettable.class, "Counter", "c-1");
		assertThatExceptionOfType(DaprActorInvocationException.class).isThrownBy(resettable::reset)
			.withMessage("Actor Counter/c-1 cannot run reset: Actor type Counter has no method reset; its methods "
					+ "are [beat, beats, count, fail, greet, increment, incrementViaRelay, note, remember, startBeating, "
					+ "startBeatingBriefly, startSlowBeating, startTicking, startTickingBriefly, stopTicking, tick, ticks]");
	}

	@Test
	void aCallBackIntoTheChainIsRefusedWhenReentrancyIsOffAndNothingIsSaved() {
		Counter counter = this.actors.proxy(Counter.class, "c-reentrant");
		counter.increment();
		assertThatExceptionOfType(DaprActorInvocationException.class).isThrownBy(counter::incrementViaRelay)
			.withMessageContaining("Actor Relay/c-reentrant threw " + DaprActorReentrancyException.class.getName())
			.withMessageContaining("Actor Counter/c-reentrant is already in this chain of calls Counter/c-reentrant "
					+ "-> Relay/c-reentrant and reentrancy is off for Counter")
			.withMessageContaining("Set dapr.actors.reentrancy=true (or dapr.actors.types.Counter.reentrancy=true)");
		assertThat(counter.count()).isEqualTo(1);
	}

	@Test
	void anActorTypeWithReentrancyOnCallsItselfAndItsNestedChangesAreSavedWithTheFirstCall() {
		Ping ping = this.actors.proxy(Ping.class, "p-1");
		assertThat(ping.bounce(3)).isEqualTo(4);
		assertThat(ping.bounces()).isEqualTo(4);
	}

	@Test
	void aReentrantChainDeeperThanTheMaxStackDepthIsRefusedByTheSidecar() {
		Ping ping = this.actors.proxy(Ping.class, "p-deep");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> ping.bounce(10))
			.withMessageContaining("maximum stack depth exceeded");
		assertThat(ping.bounces()).isZero();
	}

	@Test
	void anArgumentThatDoesNotConvertIsReportedWithTheExpectedTypeAndStoresNothing() {
		Counter counter = this.actors.proxy(Counter.class, "c-argument");
		counter.startBeatingBriefly(0);
		int beats = counter.beats();
		MistypedBeat mistyped = this.actors.proxy(MistypedBeat.class, "Counter", "c-argument");
		assertThatExceptionOfType(DaprActorInvocationException.class).isThrownBy(() -> mistyped.beat("fast"))
			.withMessageStartingWith("Actor Counter/c-argument cannot run beat: The argument of Counter.beat is not "
					+ "a int: ");
		assertThat(counter.beats()).isEqualTo(beats);
	}

	@Test
	void stateWithATimeToLiveNeedsTheActorStateTtlFeatureAndWithoutItTheTurnSavesNothing() {
		Counter counter = this.actors.proxy(Counter.class, "c-ttl-off");
		counter.increment();
		// This sidecar runs without the ActorStateTTL feature (ActorsOnManyInstancesIntegrationTests has it).
		assertThatExceptionOfType(DaprActorInvocationException.class)
			.isThrownBy(() -> counter.remember(new Counter.Note("call back", 1)))
			.withMessageContaining("The state changes of Counter/c-ttl-off in remember were not saved")
			.withMessageContaining("ttlInSeconds is not supported without the \"ActorStateTTL\" feature enabled");
		assertThat(counter.note()).isNull();
		assertThat(counter.count()).isEqualTo(1);
	}

	@Test
	void aTimeToLiveUnderASecondIsRefusedWithTheReason() {
		Counter counter = this.actors.proxy(Counter.class, "c-ttl-bad");
		assertThatExceptionOfType(DaprActorInvocationException.class).isThrownBy(() -> counter.remember(new Counter.Note("x", 0)))
			.withMessageContaining("The TTL of actor state note is PT0S; the state store keeps time in whole "
					+ "seconds, so it must be at least 1s");
		assertThat(counter.note()).isNull();
	}

	@Test
	void aReminderWithATimeToLiveStopsAfterIt() {
		Counter counter = this.actors.proxy(Counter.class, "c-reminded-briefly");
		counter.startTickingBriefly("brief");
		await().atMost(Duration.ofSeconds(30)).until(() -> !counter.ticks().isEmpty());
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
			.until(sameAsLastTime(() -> counter.ticks().size()));
		assertThat(counter.ticks()).containsOnly("brief");
	}

	@Test
	void aTimerWithATimeToLiveStopsAfterIt() {
		Counter counter = this.actors.proxy(Counter.class, "c-timed-briefly");
		counter.startBeatingBriefly(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> counter.beats() > 0);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(sameAsLastTime(counter::beats));
	}

	@Test
	void anUnregisteredReminderStops() {
		Counter counter = this.actors.proxy(Counter.class, "c-unregistered");
		counter.startTicking("tick");
		await().atMost(Duration.ofSeconds(30)).until(() -> !counter.ticks().isEmpty());
		counter.stopTicking();
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
			.until(sameAsLastTime(() -> counter.ticks().size()));
	}

	// True when the value is what it was at the previous poll: with during(...), the value stays put.
	private static Callable<Boolean> sameAsLastTime(Callable<Integer> value) {
		AtomicReference<Integer> last = new AtomicReference<>();
		return () -> {
			Integer now = value.call();
			return now.equals(last.getAndSet(now));
		};
	}

	interface MistypedBeat {

		void beat(String step);

	}

	@Test
	void anUnknownActorTypeIsReportedWithTheTypesHostedHere() {
		Resettable resettable = this.actors.proxy(Resettable.class, "Countr", "c-1");
		assertThatExceptionOfType(DaprActorTypeNotFoundException.class).isThrownBy(resettable::reset)
			.withMessageStartingWith("No application instance hosts actor type Countr (the sidecar says: ")
			.withMessageContaining("the types this application hosts are [Counter, Ping, Relay]");
	}

	interface Resettable {

		void reset();

	}

}
