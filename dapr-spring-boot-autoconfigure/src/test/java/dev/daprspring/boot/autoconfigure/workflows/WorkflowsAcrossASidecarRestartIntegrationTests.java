package dev.daprspring.boot.autoconfigure.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.actuate.health.DaprHealthIndicator;
import dev.daprspring.boot.autoconfigure.workflows.app.Approval;
import dev.daprspring.boot.autoconfigure.workflows.app.WorkflowsApplication;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.runtime.WorkflowWorker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launched daprd restarts while a workflow sleeps on a durable timer (its state in
 * Redis): the worker's stream breaks, health says why, the worker reconnects by itself and
 * the workflow completes.
 */
@SpringBootTest(classes = WorkflowsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dapr.sidecar.launch=always")
class WorkflowsAcrossASidecarRestartIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	static LocalRedisServer redis;

	static Path resources;

	@Autowired
	WorkflowOperations workflows;

	@Autowired
	DaprSidecar sidecar;

	@Autowired
	WorkflowWorker worker;

	@Autowired
	DaprHealthIndicator health;

	@DynamicPropertySource
	static void redisStateStore(DynamicPropertyRegistry registry) {
		redis = LocalRedisServer.start();
		try {
			resources = Files.createTempDirectory("dapr-workflows-redis");
			Files.writeString(resources.resolve("statestore.yaml"),
					DaprComponents.redisState("statestore", redis.address()).withMetadata("actorStateStore", "true").toYaml());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		registry.add("dapr.sidecar.resources-paths", resources::toString);
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
		if (resources != null) {
			FileSystemUtils.deleteRecursively(resources.toFile());
		}
	}

	@Test
	void aWorkflowSleepingThroughASidecarRestartCompletesAndTheWorkerReconnects() {
		String id = this.workflows.schedule("ApprovalWorkflow",
				new Approval("desk", Duration.ofSeconds(6), Duration.ofMinutes(1)));
		this.workflows.waitForStart(id, PATIENCE);

		this.sidecar.stop();
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(this.worker.getState()).isEqualTo(WorkflowWorker.State.RECONNECTING);
			assertThat(this.worker.getLastError()).startsWith("UNAVAILABLE");
		});
		this.sidecar.start();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.health.health().getStatus()).isEqualTo(Status.UP));

		await().atMost(PATIENCE).ignoreExceptions()
			.until(() -> "waiting for approval".equals(this.workflows.get(id).customStatus(String.class)));
		this.workflows.raiseEvent(id, "approval", "Linus");
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(String.class))
			.isEqualTo("desk approved by Linus");
		assertThat(this.worker.getState()).isEqualTo(WorkflowWorker.State.STREAMING);
	}

}
