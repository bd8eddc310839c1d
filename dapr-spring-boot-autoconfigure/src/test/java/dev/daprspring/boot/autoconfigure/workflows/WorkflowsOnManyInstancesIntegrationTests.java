package dev.daprspring.boot.autoconfigure.workflows;

import java.io.IOException;
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
import dev.daprspring.boot.sidecar.testsupport.SharedControlPlane;
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

	static SharedControlPlane shared;

	static final List<ConfigurableApplicationContext> fleet = new ArrayList<>();

	@BeforeAll
	static void startControlPlaneAndFleet() throws IOException {
		shared = SharedControlPlane.start(work);
		fleet.add(start("fleet-0"));
		fleet.add(start("fleet-1"));
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
		return new SpringApplicationBuilder(FleetWorkflowsApplication.class).run(shared.withSidecarArguments(
				"--server.port=0", "--spring.application.name=fleet-workflows", "--fleet.instance=" + instance));
	}

}
