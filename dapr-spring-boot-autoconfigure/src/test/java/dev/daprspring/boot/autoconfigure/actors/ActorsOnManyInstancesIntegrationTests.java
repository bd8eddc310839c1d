package dev.daprspring.boot.autoconfigure.actors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.actors.client.ActorProxyFactory;
import dev.daprspring.boot.autoconfigure.actors.fleet.ActiveTallies;
import dev.daprspring.boot.autoconfigure.actors.fleet.FleetApplication;
import dev.daprspring.boot.autoconfigure.actors.fleet.Tally;
import dev.daprspring.boot.sidecar.testsupport.SharedControlPlane;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of one application, each with the daprd it launches, on one placement,
 * one scheduler and one Redis: actors spread over the instances, each active on exactly
 * one; an instance that stops hands its actors, their state and their reminders to the
 * others; reminders fire again after every instance restarts. The tests run in order, each
 * going on from where the one before left the fleet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActorsOnManyInstancesIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@TempDir
	static Path work;

	static Path configuration;

	static SharedControlPlane shared;

	static final List<ConfigurableApplicationContext> fleet = new ArrayList<>();

	static final Map<String, String> hostOfId = new HashMap<>();

	@BeforeAll
	static void startControlPlaneAndFleet() throws IOException {
		shared = SharedControlPlane.start(work);
		configuration = Files.writeString(work.resolve("configuration.yaml"), """
				apiVersion: dapr.io/v1alpha1
				kind: Configuration
				metadata:
				  name: actors
				spec:
				  features:
				  - name: ActorStateTTL
				    enabled: true
				""");
		for (int i = 0; i < 3; i++) {
			fleet.add(start("fleet-" + i));
		}
	}

	@AfterAll
	static void stopAll() {
		fleet.forEach(ConfigurableApplicationContext::close);
		if (shared != null) {
			shared.close();
		}
	}

	@Test
	@Order(1)
	void callsForManyIdsSpreadOverTheInstancesAndEachIdIsActiveOnExactlyOne() {
		ActorProxyFactory actors = fleet.get(0).getBean(ActorProxyFactory.class);
		for (int i = 0; i < 100; i++) {
			String id = "tally-" + i;
			hostOfId.put(id, actors.proxy(Tally.class, id).add(i));
		}
		assertThat(new HashSet<>(hostOfId.values())).containsExactlyInAnyOrder("fleet-0", "fleet-1", "fleet-2");
		for (Map.Entry<String, String> entry : hostOfId.entrySet()) {
			List<String> activeOn = fleet.stream()
				.map((instance) -> instance.getBean(ActiveTallies.class))
				.filter((active) -> active.ids().contains(entry.getKey()))
				.map(ActiveTallies::instance)
				.toList();
			assertThat(activeOn).as(entry.getKey()).containsExactly(entry.getValue());
		}
		// Any instance reaches any actor: the sidecars route by placement's table.
		ActorProxyFactory other = fleet.get(2).getBean(ActorProxyFactory.class);
		assertThat(other.proxy(Tally.class, "tally-42").total()).isEqualTo(42);
	}

	@Test
	@Order(1)
	void stateWithATimeToLiveIsGoneFromRedisAfterIt() {
		Tally tally = fleet.get(1).getBean(ActorProxyFactory.class).proxy(Tally.class, "tally-ttl");
		tally.addBriefly(7);
		assertThat(tally.total()).isEqualTo(7);
		await().atMost(PATIENCE).until(() -> tally.total() == 0);
	}

	@Test
	@Order(2)
	void anInstanceThatStopsHandsItsActorsWithStateAndRemindersToTheOthers() {
		ActorProxyFactory actors = fleet.get(0).getBean(ActorProxyFactory.class);
		List<String> leaving = hostOfId.entrySet().stream()
			.filter((entry) -> entry.getValue().equals("fleet-2"))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		assertThat(leaving).isNotEmpty();
		List<String> nudged = leaving.subList(0, Math.min(5, leaving.size()));
		nudged.forEach((id) -> actors.proxy(Tally.class, id).startNudging());
		await().atMost(PATIENCE).until(() -> nudged.stream()
			.allMatch((id) -> "fleet-2".equals(actors.proxy(Tally.class, id).nudges().lastInstance())));

		fleet.remove(2).close();

		for (String id : leaving) {
			int expected = Integer.parseInt(id.substring("tally-".length()));
			// Until placement's table drops the stopped host, a call may still be routed to it.
			await().atMost(PATIENCE).ignoreExceptions()
				.untilAsserted(() -> assertThat(actors.proxy(Tally.class, id).total()).isEqualTo(expected));
		}
		Set<String> hosts = new HashSet<>();
		for (String id : leaving) {
			String host = actors.proxy(Tally.class, id).add(0);
			assertThat(host).isIn("fleet-0", "fleet-1");
			hosts.add(host);
		}
		for (String id : nudged) {
			int before = actors.proxy(Tally.class, id).nudges().count();
			await().atMost(PATIENCE).untilAsserted(() -> {
				Tally.Nudges nudges = actors.proxy(Tally.class, id).nudges();
				assertThat(nudges.count()).isGreaterThan(before + 1);
				assertThat(nudges.lastInstance()).isIn("fleet-0", "fleet-1");
			});
		}
		assertThat(hosts).isNotEmpty();
	}

	@Test
	@Order(3)
	void remindersFireAgainAfterEveryInstanceRestartsAndStopWhenUnregistered() {
		List<String> nudged = hostOfId.entrySet().stream()
			.filter((entry) -> entry.getValue().equals("fleet-2"))
			.map(Map.Entry::getKey)
			.sorted()
			.limit(5)
			.toList();
		while (!fleet.isEmpty()) {
			fleet.remove(0).close();
		}
		fleet.add(start("fleet-3"));
		ActorProxyFactory actors = fleet.get(0).getBean(ActorProxyFactory.class);
		for (String id : nudged) {
			await().atMost(PATIENCE).ignoreExceptions()
				.untilAsserted(() -> assertThat(actors.proxy(Tally.class, id).nudges().lastInstance())
					.isEqualTo("fleet-3"));
		}
		IntStream.range(0, nudged.size()).forEach((i) -> actors.proxy(Tally.class, nudged.get(i)).stopNudging());
		Map<String, Integer> counts = new HashMap<>();
		// A nudge already on its way when the reminder goes may still land: count from a second later.
		await().pollDelay(Duration.ofMillis(1500)).atMost(PATIENCE).until(() -> {
			nudged.forEach((id) -> counts.put(id, actors.proxy(Tally.class, id).nudges().count()));
			return true;
		});
		await().during(Duration.ofSeconds(3)).atMost(PATIENCE)
			.until(() -> nudged.stream().allMatch((id) -> actors.proxy(Tally.class, id).nudges().count() == counts.get(id)));
	}

	private static ConfigurableApplicationContext start(String instance) {
		return new SpringApplicationBuilder(FleetApplication.class).run(shared.withSidecarArguments("--server.port=0",
				"--spring.application.name=fleet", "--fleet.instance=" + instance,
				"--dapr.sidecar.config=" + configuration));
	}

}
