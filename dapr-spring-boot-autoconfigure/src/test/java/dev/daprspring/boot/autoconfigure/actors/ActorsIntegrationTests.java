package dev.daprspring.boot.autoconfigure.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.daprspring.actors.client.ActorProxyFactory;
import dev.daprspring.actors.client.DaprActorInvocationException;
import dev.daprspring.boot.autoconfigure.actors.app.Counter;
import dev.daprspring.boot.autoconfigure.actors.app.CountersApplication;
import dev.daprspring.boot.autoconfigure.actors.app.Deactivations;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Actors hosted by a Spring Boot application and called through proxies, on a launched
 * daprd with the placement and scheduler processes the launcher starts because the
 * application hosts actors.
 */
@SpringBootTest(classes = CountersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.actors.idle-timeout=2s", "dapr.actors.scan-interval=1s" })
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
	void anUnknownMethodIsReportedWithTheTypesMethods() {
		Resettable resettable = this.actors.proxy(Resettable.class, "Counter", "c-1");
		assertThatExceptionOfType(DaprActorInvocationException.class).isThrownBy(resettable::reset)
			.withMessage("Actor Counter/c-1 cannot run reset: Actor type Counter has no method reset; its methods "
					+ "are [beat, beats, count, fail, greet, increment, startBeating, startTicking, stopTicking, tick, "
					+ "ticks]");
	}

	interface Resettable {

		void reset();

	}

}
