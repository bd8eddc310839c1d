package dev.daprspring.boot.autoconfigure.workflows;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.autoconfigure.workflows.durable.DurableApplication;
import dev.daprspring.boot.autoconfigure.workflows.durable.DurableApplication.Trip;
import dev.daprspring.boot.sidecar.testsupport.SharedControlPlane;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import dev.daprspring.workflows.client.DaprWorkflowTemplate;
import dev.daprspring.workflows.client.WorkflowInstance;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.client.WorkflowStart;
import dev.daprspring.workflows.client.WorkflowStatus;
import dev.daprspring.workflows.runtime.WorkflowRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application runs as a child process with the daprd it launches, on a placement,
 * scheduler and Redis of the test's: it is killed (SIGKILL, with its daprd, as a pod is)
 * while one workflow sleeps on a durable timer and another waits for an event, and started
 * again. Both complete with the right output, and the activities that had completed before
 * the kill are not run again (their side effects are lines in a journal file).
 */
class WorkflowsSurviveAKilledApplicationIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final String TOKEN = "durable-token";

	@TempDir
	static Path work;

	static SharedControlPlane shared;

	static Path journal;

	static int grpcPort;

	static int httpPort;

	Process application;

	@BeforeAll
	static void startControlPlaneAndRedis() throws IOException {
		shared = SharedControlPlane.start(work);
		journal = work.resolve("journal.txt");
		grpcPort = freePort();
		httpPort = freePort();
	}

	@AfterAll
	static void stopAll() {
		if (shared != null) {
			shared.close();
		}
	}

	@AfterEach
	void killApplication() {
		if (this.application != null) {
			kill(this.application);
		}
	}

	@Test
	void workflowsWaitingOnATimerAndOnAnEventCompleteAfterTheApplicationWasKilled() throws Exception {
		this.application = startApplication();
		try (DaprTransport transport = new DaprTransport(DaprClientOptions.of("http://127.0.0.1:" + grpcPort,
				"http://127.0.0.1:" + httpPort, TOKEN))) {
			WorkflowOperations workflows = new DaprWorkflowTemplate(transport, new DaprValueConverter(new JsonMapper()),
					new WorkflowRegistry());
			workflows.schedule(WorkflowStart.of("TripWorkflow", new Trip("lisbon", Duration.ofSeconds(20)))
				.withInstanceId("trip-on-timer"));
			workflows.schedule(WorkflowStart.of("TripWorkflow", new Trip("porto", Duration.ofMillis(100)))
				.withInstanceId("trip-on-event"));
			await().atMost(PATIENCE).until(() -> "sleeping".equals(status(workflows, "trip-on-timer"))
					&& "waiting for go".equals(status(workflows, "trip-on-event")));
			assertThat(journalLines("book ")).containsExactlyInAnyOrder("book trip-on-timer", "book trip-on-event");

			kill(this.application);
			this.application = startApplication();

			workflows.raiseEvent("trip-on-timer", "go", "ada");
			workflows.raiseEvent("trip-on-event", "go", "grace");
			WorkflowInstance onEvent = workflows.waitForCompletion("trip-on-event", PATIENCE);
			WorkflowInstance onTimer = workflows.waitForCompletion("trip-on-timer", PATIENCE);
			assertThat(onEvent.status()).isEqualTo(WorkflowStatus.COMPLETED);
			assertThat(onEvent.output(String.class)).isEqualTo("booked porto, confirmed by grace");
			assertThat(onTimer.output(String.class)).isEqualTo("booked lisbon, confirmed by ada");
		}
		// Each activity ran once: the bookings made before the kill were not made again.
		assertThat(journalLines("book ")).containsExactlyInAnyOrder("book trip-on-timer", "book trip-on-event");
		assertThat(journalLines("confirm ")).containsExactlyInAnyOrder("confirm trip-on-timer",
				"confirm trip-on-event");
		assertThat(journalLines("ready ")).hasSize(2);
	}

	private static String status(WorkflowOperations workflows, String id) {
		return workflows.find(id).map((instance) -> instance.customStatus(String.class)).orElse(null);
	}

	private Process startApplication() throws IOException {
		int readyBefore = journalLines("ready ").size();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), DurableApplication.class.getName(),
				"--server.port=0", "--spring.application.name=durable"));
		command.addAll(List.of(shared.withSidecarArguments("--dapr.sidecar.grpc-port=" + grpcPort,
				"--dapr.sidecar.http-port=" + httpPort, "--dapr.sidecar.api-token=" + TOKEN,
				"--durable.journal=" + journal)));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("application.log").toFile()))
			.start();
		await().atMost(PATIENCE).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application exited with " + process.exitValue() + ": "
						+ Files.readString(work.resolve("application.log")));
			}
			return journalLines("ready ").size() > readyBefore;
		});
		return process;
	}

	// SIGKILL for the application and the daprd it launched: nothing runs a shutdown hook.
	private static void kill(Process process) {
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process.toHandle());
		tree.forEach(ProcessHandle::destroyForcibly);
		tree.forEach((handle) -> handle.onExit().orTimeout(30, TimeUnit.SECONDS).join());
	}

	private static List<String> journalLines(String prefix) throws IOException {
		if (!Files.exists(journal)) {
			return List.of();
		}
		return Files.readAllLines(journal).stream().filter((line) -> line.startsWith(prefix)).toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
