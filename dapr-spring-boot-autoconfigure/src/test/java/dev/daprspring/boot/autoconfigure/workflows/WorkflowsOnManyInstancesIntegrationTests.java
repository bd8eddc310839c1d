package dev.daprspring.boot.autoconfigure.workflows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.boot.autoconfigure.workflows.fleet.FleetWorkflowsApplication;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.workflows.client.WorkflowInstance;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.client.WorkflowStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of one application, each with the daprd it launches, on one placement, one
 * scheduler and one Redis: one that stops finishes the activities it runs first; two
 * share the work of 100 workflows, one stops while they run, and every workflow still
 * completes, each activity run once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowsOnManyInstancesIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(120);

	@TempDir
	static Path work;

	static LocalRedisServer redis;

	static DaprPlacement placement;

	static DaprScheduler scheduler;

	static Path components;

	static final List<ConfigurableApplicationContext> fleet = new ArrayList<>();

	@BeforeAll
	static void startControlPlaneAndFleet() throws IOException {
		redis = LocalRedisServer.start();
		placement = new DaprPlacement();
		placement.start();
		scheduler = new DaprScheduler();
		scheduler.start();
		components = Files.createDirectory(work.resolve("components"));
		Files.writeString(components.resolve("statestore.yaml"),
				DaprComponents.redisState("statestore", redis.address()).withMetadata("actorStateStore", "true").toYaml());
		fleet.add(start("fleet-0"));
		fleet.add(start("fleet-1"));
	}

	@AfterAll
	static void stopAll() {
		fleet.forEach(ConfigurableApplicationContext::close);
		if (scheduler != null) {
			scheduler.close();
		}
		if (placement != null) {
			placement.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	@Order(1)
	void anInstanceThatStopsFinishesTheActivitiesItIsRunningFirst() {
		ConfigurableApplicationContext leaving = start("fleet-2");
		WorkflowOperations workflows = fleet.get(0).getBean(WorkflowOperations.class);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(workflows.schedule("SlowWorkflow", i));
		}
		await().atMost(PATIENCE).until(() -> running("fleet-2") > 0);
		leaving.close();
		for (int i = 0; i < ids.size(); i++) {
			assertThat(workflows.waitForCompletion(ids.get(i), PATIENCE).output(Integer.class)).isEqualTo(i);
		}
		// What was running on the stopped instance finished there and counted: nothing ran twice.
		for (String id : ids) {
			assertThat(count("slow:" + id)).as("slow step of " + id).isEqualTo(1);
		}
	}

	@Test
	@Order(2)
	void twoInstancesShareAHundredWorkflowsAndNothingIsLostWhenOneStops() {
		WorkflowOperations workflows = fleet.get(0).getBean(WorkflowOperations.class);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			ids.add(workflows.schedule("StepsWorkflow", i));
		}
		// Stop the second instance while the workflows sleep between their two activities.
		fleet.remove(1).close();
		for (int i = 0; i < ids.size(); i++) {
			WorkflowInstance done = workflows.waitForCompletion(ids.get(i), PATIENCE);
			assertThat(done.status()).as(ids.get(i)).isEqualTo(WorkflowStatus.COMPLETED);
			assertThat(done.output(Integer.class)).as(ids.get(i)).isEqualTo((i + 1) * 10);
		}
		for (String id : ids) {
			assertThat(count("first:" + id)).as("first step of " + id).isEqualTo(1);
			assertThat(count("last:" + id)).as("last step of " + id).isEqualTo(1);
		}
		// Both instances took part before one of them stopped.
		assertThat(new HashSet<>(FleetWorkflowsApplication.STARTED_ON.values())).containsExactlyInAnyOrder("fleet-0",
				"fleet-1");
	}

	private static int running(String instance) {
		AtomicInteger running = FleetWorkflowsApplication.RUNNING_SLOW.get(instance);
		return (running != null) ? running.get() : 0;
	}

	private static int count(String key) {
		AtomicInteger count = FleetWorkflowsApplication.EXECUTIONS.get(key);
		return (count != null) ? count.get() : 0;
	}

	private static ConfigurableApplicationContext start(String instance) {
		return new SpringApplicationBuilder(FleetWorkflowsApplication.class).run("--server.port=0",
				"--spring.application.name=fleet-workflows", "--fleet.instance=" + instance,
				"--dapr.sidecar.launch=always", "--dapr.sidecar.resources-paths=" + components,
				"--dapr.sidecar.control-plane.placement-address=" + placement.address(),
				"--dapr.sidecar.control-plane.scheduler-address=" + scheduler.address());
	}

}
