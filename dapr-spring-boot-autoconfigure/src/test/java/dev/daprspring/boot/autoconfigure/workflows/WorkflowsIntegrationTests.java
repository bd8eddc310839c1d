package dev.daprspring.boot.autoconfigure.workflows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.actuate.endpoint.ApplicationDescriptor.WorkflowEntry;
import dev.daprspring.boot.actuate.endpoint.ApplicationDescriptor.WorkflowHost;
import dev.daprspring.boot.actuate.endpoint.DaprEndpoint;
import dev.daprspring.boot.actuate.health.DaprHealthIndicator;
import dev.daprspring.boot.autoconfigure.workflows.app.Approval;
import dev.daprspring.boot.autoconfigure.workflows.app.Countdown;
import dev.daprspring.boot.autoconfigure.workflows.app.ExecutionRecorder;
import dev.daprspring.boot.autoconfigure.workflows.app.Order;
import dev.daprspring.boot.autoconfigure.workflows.app.OrderActivities;
import dev.daprspring.boot.autoconfigure.workflows.app.OrderWorkflow;
import dev.daprspring.boot.autoconfigure.workflows.app.Receipt;
import dev.daprspring.boot.autoconfigure.workflows.app.WorkflowsApplication;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.workflows.WorkflowFailure;
import dev.daprspring.workflows.client.WorkflowInstance;
import dev.daprspring.workflows.client.WorkflowInstanceExistsException;
import dev.daprspring.workflows.client.WorkflowInstanceNotFoundException;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.client.WorkflowStart;
import dev.daprspring.workflows.client.WorkflowStatus;
import dev.daprspring.workflows.client.WorkflowWaitTimeoutException;
import dev.daprspring.workflows.observation.WorkflowExecutionObservationContext;
import dev.daprspring.workflows.runtime.WorkflowWorker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Workflows and activities as beans of a Spring Boot application, scheduled through the
 * workflow template, on a launched daprd with the placement and scheduler the launcher
 * starts because the application runs workflows.
 */
@SpringBootTest(classes = WorkflowsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "management.endpoints.web.exposure.include=dapr,health" })
class WorkflowsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	WorkflowOperations workflows;

	@Autowired
	OrderActivities activities;

	@Autowired
	ExecutionRecorder recorder;

	@Autowired
	ApplicationContext context;

	@Test
	void theControlPlaneIsLaunchedBecauseTheApplicationRunsWorkflows() {
		assertThat(this.context.getBean(DaprPlacement.class).isRunning()).isTrue();
		assertThat(this.context.getBean(DaprScheduler.class).isRunning()).isTrue();
		assertThat(this.context.getBean(WorkflowWorker.class).getState()).isEqualTo(WorkflowWorker.State.STREAMING);
	}

	@Test
	void aChainOfActivitiesCompletesWithTypedOutputInputAndCustomStatus() {
		Order order = new Order("o-1", List.of("book", "pen"), 42);
		String id = this.workflows.schedule(OrderWorkflow.class, order);
		WorkflowInstance done = this.workflows.waitForCompletion(id, PATIENCE);
		assertThat(done.status()).isEqualTo(WorkflowStatus.COMPLETED);
		assertThat(done.name()).isEqualTo("OrderWorkflow");
		assertThat(done.output(Receipt.class)).isEqualTo(new Receipt("o-1", "R-o-1-2", "P-42", "S-o-1@" + id));
		assertThat(done.input(Order.class)).isEqualTo(order);
		assertThat(done.customStatus(String.class)).isEqualTo("reserved");
		assertThat(done.createdAt()).isBefore(Instant.now().plusSeconds(1));
		// Replays do not run activities again.
		assertThat(this.activities.runs("reserve:o-1")).isEqualTo(1);
		assertThat(this.activities.runs("charge:o-1")).isEqualTo(1);
		assertThat(this.activities.runs("ship:o-1")).isEqualTo(1);
	}

	@Test
	void fanOutAndFanIn() {
		String id = this.workflows.schedule("sum-of-squares", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(Integer.class)).isEqualTo(385);
	}

	@Test
	void aChildWorkflowsOutputComesBackToItsParent() {
		String id = this.workflows.schedule("ParentWorkflow", 3);
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(Integer.class)).isEqualTo(28);
	}

	@Test
	void continueAsNewRestartsTheInstanceWithTheNewInput() {
		String id = this.workflows.schedule("CountdownWorkflow", new Countdown(3, 0));
		WorkflowInstance done = this.workflows.waitForCompletion(id, PATIENCE);
		assertThat(done.output(String.class)).isEqualTo("done after 3 runs");
		assertThat(done.input(Countdown.class)).isEqualTo(new Countdown(0, 3));
	}

	@Test
	void newInstancesOfAVersionedWorkflowRunItsLatestVersion() {
		String id = this.workflows.schedule("pricing", 100);
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(String.class)).isEqualTo("v2: 110");
		WorkflowHost host = this.context.getBean(DaprEndpoint.class).dapr().application().workflows();
		assertThat(host.workflows()).filteredOn((workflow) -> workflow.name().equals("pricing"))
			.extracting(WorkflowEntry::version)
			.containsExactly("1", "2");
	}

	@Test
	void aDurableTimerThenAnExternalEvent() {
		String id = this.workflows.schedule("ApprovalWorkflow",
				new Approval("laptop", Duration.ofMillis(500), Duration.ofMinutes(1)));
		await().atMost(PATIENCE)
			.until(() -> "waiting for approval".equals(this.workflows.get(id).customStatus(String.class)));
		this.workflows.raiseEvent(id, "approval", "Ada");
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(String.class))
			.isEqualTo("laptop approved by Ada");
	}

	@Test
	void anEventThatDoesNotArriveInTimeTimesTheWaitOut() {
		String id = this.workflows.schedule("ApprovalWorkflow",
				new Approval("phone", Duration.ofMillis(10), Duration.ofSeconds(1)));
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(String.class))
			.isEqualTo("phone not approved: Event 'approval' did not arrive within PT1S");
	}

	@Test
	void aRetryPolicyRunsAFailingActivityAgain() {
		String id = this.workflows.schedule("RetryingWorkflow", "flaky");
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(String.class))
			.isEqualTo("succeeded on attempt 3");
	}

	@Test
	void anActivityThatAlwaysFailsFailsTheWorkflowWithItsTypeAndMessageAfterTheRetries() {
		String id = this.workflows.schedule("RetryingWorkflow", "4111");
		WorkflowInstance failed = this.workflows.waitForCompletion(id, PATIENCE);
		assertThat(failed.status()).isEqualTo(WorkflowStatus.FAILED);
		WorkflowFailure failure = failed.failure();
		assertThat(failure).isNotNull();
		assertThat(failure.type()).isEqualTo("dev.daprspring.workflows.WorkflowTaskFailedException");
		assertThat(failure.message()).isEqualTo(
				"'alwaysFails' failed with java.lang.IllegalStateException: card declined: 4111");
		assertThat(this.activities.runs("alwaysFails:4111")).isEqualTo(3);
	}

	@Test
	void aWorkflowCatchesAnActivityFailureWithItsTypeAndMessage() {
		String id = this.workflows.schedule("RetryingWorkflow", "catch:5500");
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(String.class)).isEqualTo(
				"compensated alwaysFails after java.lang.IllegalStateException: card declined: catch:5500");
	}

	@Test
	void anUnregisteredActivityFailsTheWorkflowNamingTheRegisteredOnes() {
		String id = this.workflows.schedule("RetryingWorkflow", "unknown-activity");
		WorkflowInstance failed = this.workflows.waitForCompletion(id, PATIENCE);
		assertThat(failed.status()).isEqualTo(WorkflowStatus.FAILED);
		assertThat(failed.failure().message()).isEqualTo("Workflow 'RetryingWorkflow' calls activity "
				+ "'noSuchActivity', which this application does not register; registered activities: "
				+ "[alwaysFails, charge, flaky, reserve, ship, square]");
	}

	@Test
	void schedulingAnUnregisteredWorkflowIsRefusedNamingTheRegisteredOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workflows.schedule("NoSuchWorkflow", "x"))
			.withMessage("This application runs no workflow named 'NoSuchWorkflow'; its workflows are "
					+ "[ApprovalWorkflow, CountdownWorkflow, OrderWorkflow, ParentWorkflow, RetryingWorkflow, "
					+ "WaitingWorkflow, pricing, sum-of-squares]");
	}

	@Test
	void anUnregisteredWorkflowStartedOverDaprdsHttpApiFailsNamingTheRegisteredOnes() throws Exception {
		String id = "http-unknown-" + System.nanoTime();
		assertThat(startOverHttp("NoSuchWorkflow", id, "\"x\"")).isEqualTo(202);
		WorkflowInstance failed = this.workflows.waitForCompletion(id, PATIENCE);
		assertThat(failed.status()).isEqualTo(WorkflowStatus.FAILED);
		assertThat(failed.failure().message()).isEqualTo("No workflow named 'NoSuchWorkflow' is registered in this "
				+ "application; registered workflows: [ApprovalWorkflow, CountdownWorkflow, OrderWorkflow, "
				+ "ParentWorkflow, RetryingWorkflow, WaitingWorkflow, pricing, sum-of-squares]");
	}

	@Test
	void anInputThatDoesNotConvertIsRefusedBeforeAnythingIsScheduled() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.workflows.schedule("OrderWorkflow", Map.of("id", "o-9", "amount", "lots")))
			.withMessageStartingWith("The input for workflow 'OrderWorkflow' (")
			.withMessageContaining("does not convert to its input type "
					+ "dev.daprspring.boot.autoconfigure.workflows.app.Order");
	}

	@Test
	void anInputThatDoesNotConvertFailsAnInstanceStartedElsewhereWithTheReason() throws Exception {
		String id = "http-bad-input-" + System.nanoTime();
		assertThat(startOverHttp("OrderWorkflow", id, "{\"id\":\"o-9\",\"amount\":\"lots\"}")).isEqualTo(202);
		WorkflowInstance failed = this.workflows.waitForCompletion(id, PATIENCE);
		assertThat(failed.status()).isEqualTo(WorkflowStatus.FAILED);
		assertThat(failed.failure().type()).isEqualTo("java.lang.IllegalArgumentException");
		assertThat(failed.failure().message()).startsWith("Cannot convert the input of workflow 'OrderWorkflow' to "
				+ "dev.daprspring.boot.autoconfigure.workflows.app.Order: ");
		assertThat(this.activities.runs("reserve:o-9")).isZero();
	}

	@Test
	void reusingTheIdOfARunningInstanceIsRefused() {
		String id = "reused-" + System.nanoTime();
		this.workflows.schedule(WorkflowStart.of("WaitingWorkflow", "first").withInstanceId(id));
		this.workflows.waitForStart(id, PATIENCE);
		assertThatExceptionOfType(WorkflowInstanceExistsException.class)
			.isThrownBy(() -> this.workflows.schedule(WorkflowStart.of("WaitingWorkflow", "second").withInstanceId(id)))
			.withMessage("Cannot schedule workflow 'WaitingWorkflow' as instance '" + id + "': an instance with this "
					+ "id has not ended; wait for it to end, terminate or purge it, or choose another id");
		this.workflows.raiseEvent(id, "go", "now");
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(String.class)).isEqualTo("first: now");
	}

	@Test
	void suspendedInstancesTakeNoStepsUntilResumed() {
		String id = this.workflows.schedule("WaitingWorkflow", "paused");
		this.workflows.waitForStart(id, PATIENCE);
		this.workflows.suspend(id, "maintenance");
		assertThat(this.workflows.get(id).status()).isEqualTo(WorkflowStatus.SUSPENDED);
		this.workflows.raiseEvent(id, "go", "later");
		assertThatExceptionOfType(WorkflowWaitTimeoutException.class)
			.isThrownBy(() -> this.workflows.waitForCompletion(id, Duration.ofSeconds(2)))
			.withMessage("Workflow instance '" + id + "' did not complete within PT2S (it is SUSPENDED)");
		this.workflows.resume(id, "done");
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(String.class)).isEqualTo("paused: later");
	}

	@Test
	void terminatedInstancesEndWithTheGivenOutputAndCanBePurged() {
		String id = this.workflows.schedule("WaitingWorkflow", "doomed");
		this.workflows.waitForStart(id, PATIENCE);
		this.workflows.terminate(id, "stopped by test");
		WorkflowInstance terminated = this.workflows.waitForCompletion(id, PATIENCE);
		assertThat(terminated.status()).isEqualTo(WorkflowStatus.TERMINATED);
		assertThat(terminated.output(String.class)).isEqualTo("stopped by test");
		assertThat(this.workflows.listInstanceIds()).contains(id);
		this.workflows.purge(id);
		assertThat(this.workflows.find(id)).isEmpty();
		assertThat(this.workflows.listInstanceIds()).doesNotContain(id);
	}

	@Test
	void aScheduledStartTimeKeepsTheInstancePendingUntilThen() {
		String id = this.workflows.schedule(WorkflowStart.of("sum-of-squares", List.of(2))
			.startingAt(Instant.now().plusSeconds(3)));
		assertThat(this.workflows.get(id).status()).isEqualTo(WorkflowStatus.PENDING);
		assertThat(this.workflows.waitForCompletion(id, PATIENCE).output(Integer.class)).isEqualTo(4);
	}

	@Test
	void anEndedInstanceCanBeRerunFromAnEventAsANewInstance() {
		String id = this.workflows.schedule(OrderWorkflow.class, new Order("o-rerun", List.of("cup"), 3));
		this.workflows.waitForCompletion(id, PATIENCE);
		String again = this.workflows.rerun(id, 0, id + "-again");
		assertThat(again).isEqualTo(id + "-again");
		assertThat(this.workflows.waitForCompletion(again, PATIENCE).output(Receipt.class).payment()).isEqualTo("P-3");
	}

	@Test
	void everyOperationOnAnUnknownInstanceSaysSo() {
		String id = "never-scheduled";
		assertThat(this.workflows.find(id)).isEmpty();
		List<Runnable> operations = List.of(() -> this.workflows.get(id),
				() -> this.workflows.waitForStart(id, PATIENCE), () -> this.workflows.waitForCompletion(id, PATIENCE),
				() -> this.workflows.raiseEvent(id, "go", "x"), () -> this.workflows.suspend(id, null),
				() -> this.workflows.resume(id, null), () -> this.workflows.terminate(id, null),
				() -> this.workflows.purge(id), () -> this.workflows.rerun(id, 0, null));
		for (Runnable operation : operations) {
			assertThatExceptionOfType(WorkflowInstanceNotFoundException.class).isThrownBy(operation::run)
				.withMessageEndingWith("workflow instance 'never-scheduled': the sidecar knows no instance with "
						+ "this id (never scheduled, or purged)");
		}
	}

	@Test
	void executionsAreObservedContinuingTheTraceOfTheSchedulingCall() {
		String id = this.workflows.schedule(OrderWorkflow.class, new Order("o-traced", List.of("mug"), 7));
		this.workflows.waitForCompletion(id, PATIENCE);
		await().atMost(PATIENCE).until(() -> this.recorder.executionsOf(id).size() >= 7);
		List<WorkflowExecutionObservationContext> executions = this.recorder.executionsOf(id);
		assertThat(executions).filteredOn((execution) -> execution.getExecutionKind().equals("activity"))
			.extracting(WorkflowExecutionObservationContext::getWorkflowName)
			.containsExactly("reserve", "charge", "ship");
		assertThat(executions).filteredOn((execution) -> execution.getExecutionKind().equals("workflow"))
			.extracting(WorkflowExecutionObservationContext::getOutcome)
			.containsExactly("waiting", "waiting", "waiting", "completed");
		List<String> traceIds = this.recorder.traceIdsOfSchedules("OrderWorkflow");
		for (WorkflowExecutionObservationContext execution : executions) {
			assertThat(execution.getTraceParent()).as(execution.getWorkflowName()).isNotEmpty();
			assertThat(traceIds).contains(execution.getTraceParent().split("-")[1]);
		}
	}

	@Test
	void healthAndTheDaprEndpointShowTheWorkerAndWhatItRuns() {
		Health health = this.context.getBean(DaprHealthIndicator.class).health();
		assertThat(health.getDetails()).containsEntry("workflowWorker", "STREAMING");
		assertThat(health.getDetails().get("workflows").toString()).contains("OrderWorkflow", "sum-of-squares");
		WorkflowHost host = this.context.getBean(DaprEndpoint.class).dapr().application().workflows();
		assertThat(host).isNotNull();
		assertThat(host.worker()).isEqualTo("STREAMING");
		assertThat(host.workflows()).extracting(WorkflowEntry::name).contains("OrderWorkflow", "sum-of-squares");
		assertThat(host.activities()).contains("reserve", "ship", "square");
	}

	private int startOverHttp(String workflow, String instanceId, String body) throws Exception {
		DaprClientOptions options = this.context.getBean(DaprClientOptions.class);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(options.httpEndpoint() + "/v1.0/workflows/dapr/" + workflow + "/start?instanceID="
					+ instanceId))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (options.apiToken() != null) {
			request.header("dapr-api-token", options.apiToken());
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
