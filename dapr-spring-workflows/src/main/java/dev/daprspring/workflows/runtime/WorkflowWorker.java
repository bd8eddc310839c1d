package dev.daprspring.workflows.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.google.protobuf.StringValue;
import io.dapr.durabletask.FailureDetails;
import io.dapr.durabletask.TaskOrchestrationExecutor;
import io.dapr.durabletask.TaskOrchestratorResult;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.ActivityRequest;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.ActivityResponse;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.GetWorkItemsRequest;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.OrchestrationVersion;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.OrchestratorAction;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.OrchestratorRequest;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.WorkItem;
import io.dapr.durabletask.implementation.protobuf.TaskHubSidecarServiceGrpc;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.workflows.ActivityContext;
import dev.daprspring.workflows.observation.DefaultWorkflowExecutionObservationConvention;
import dev.daprspring.workflows.observation.WorkflowExecutionObservationContext;
import dev.daprspring.workflows.observation.WorkflowExecutionObservationConvention;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs this application's workflows and activities for the sidecar: one
 * {@code GetWorkItems} stream, reopened with backoff whenever it breaks (the sidecar
 * restarting, say), whose work items run on two bounded pools and whose results go back
 * with {@code CompleteOrchestratorTask} / {@code CompleteActivityTask}. Workflow replays
 * run on the durable-task replay engine.
 * <p>
 * Stopping takes no new work items, lets the running ones finish (up to the shutdown
 * timeout) while the stream is still open so their results count, then closes the
 * stream: daprd hands what was not finished to another worker, or to this application
 * when it is back.
 */
public final class WorkflowWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(WorkflowWorker.class);

	private static final Duration MAXIMUM_TIMER_INTERVAL = Duration.ofDays(3);

	private static final Duration HAND_OFF = Duration.ofMillis(500);

	private static final WorkflowExecutionObservationConvention DEFAULT_CONVENTION = new DefaultWorkflowExecutionObservationConvention();

	/** What the worker is doing, as the health indicator and the endpoint show it. */
	public enum State {

		/** Not started, or stopped. */
		STOPPED,
		/** The work-item stream is open. */
		STREAMING,
		/** The stream broke; it is reopened after a backoff. */
		RECONNECTING,
		/** Finishing running work before it stops. */
		STOPPING

	}

	private final DaprTransport transport;

	private final WorkflowRegistry registry;

	private final WorkflowDataConverter converter;

	private final WorkflowWorkerSettings settings;

	private final TaskOrchestrationExecutor replayEngine;

	private final TaskHubSidecarServiceGrpc.TaskHubSidecarServiceBlockingStub completions;

	private final Object monitor = new Object();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable WorkflowExecutionObservationConvention observationConvention;

	private volatile State state = State.STOPPED;

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastErrorAt;

	private volatile @Nullable ThreadPoolExecutor workflows;

	private volatile @Nullable ThreadPoolExecutor activities;

	private @Nullable ClientCallStreamObserver<GetWorkItemsRequest> stream;

	private @Nullable Thread reconnect;

	private BackOffExecution backOff = newBackOff();

	public WorkflowWorker(DaprTransport transport, WorkflowRegistry registry, WorkflowDataConverter converter,
			WorkflowWorkerSettings settings) {
		this.transport = transport;
		this.registry = registry;
		this.converter = converter;
		this.settings = settings;
		this.completions = TaskHubSidecarServiceGrpc.newBlockingStub(transport.tokenChannel());
		quietReplayEngineLogging();
		this.replayEngine = new TaskOrchestrationExecutor(WorkflowOrchestrations.of(registry, converter), converter,
				MAXIMUM_TIMER_INTERVAL, java.util.logging.Logger.getLogger(WorkflowWorker.class.getName()), null);
	}

	// The replay engine logs each factory lookup (every replay) at INFO: unless the
	// application set a level for it, only its warnings are kept.
	private static void quietReplayEngineLogging() {
		java.util.logging.Logger engine = java.util.logging.Logger.getLogger("io.dapr.durabletask");
		if (engine.getLevel() == null) {
			engine.setLevel(java.util.logging.Level.WARNING);
		}
	}

	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	public void setObservationConvention(@Nullable WorkflowExecutionObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	public State getState() {
		return this.state;
	}

	/** Why the stream last broke, or {@code null}. */
	public @Nullable String getLastError() {
		return this.lastError;
	}

	public @Nullable Instant getLastErrorAt() {
		return this.lastErrorAt;
	}

	public WorkflowRegistry getRegistry() {
		return this.registry;
	}

	/** Work items queued or running now. */
	public int getActiveWorkItems() {
		synchronized (this.monitor) {
			return count(this.workflows) + count(this.activities);
		}
	}

	private static int count(@Nullable ThreadPoolExecutor pool) {
		return (pool != null) ? pool.getActiveCount() + pool.getQueue().size() : 0;
	}

	/** Started by the application once it is ready, not with the context. */
	@Override
	public boolean isAutoStartup() {
		return false;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.state != State.STOPPED) {
				return;
			}
			this.workflows = pool("dapr-workflow-", this.settings.maxConcurrentWorkflows());
			this.activities = pool("dapr-activity-", this.settings.maxConcurrentActivities());
			this.state = State.RECONNECTING;
			open();
		}
	}

	private static ThreadPoolExecutor pool(String prefix, int size) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), threads);
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	// Called holding the monitor.
	private void open() {
		TaskHubSidecarServiceGrpc.TaskHubSidecarServiceStub stub = TaskHubSidecarServiceGrpc
			.newStub(this.transport.tokenChannel());
		stub.getWorkItems(GetWorkItemsRequest.getDefaultInstance(), new WorkItems());
		this.state = State.STREAMING;
	}

	private final class WorkItems implements ClientResponseObserver<GetWorkItemsRequest, WorkItem> {

		private volatile boolean received;

		@Override
		public void beforeStart(ClientCallStreamObserver<GetWorkItemsRequest> call) {
			synchronized (WorkflowWorker.this.monitor) {
				WorkflowWorker.this.stream = call;
			}
		}

		@Override
		public void onNext(WorkItem item) {
			if (!this.received) {
				this.received = true;
				WorkflowWorker.this.backOff = newBackOff();
			}
			dispatch(item);
		}

		@Override
		public void onError(Throwable error) {
			broken(describe(error));
		}

		@Override
		public void onCompleted() {
			broken("the sidecar closed the work-item stream");
		}

	}

	private void broken(String reason) {
		synchronized (this.monitor) {
			if (this.state == State.STOPPING || this.state == State.STOPPED) {
				return;
			}
			this.state = State.RECONNECTING;
			this.lastError = reason;
			this.lastErrorAt = Instant.now();
			long delay = this.backOff.nextBackOff();
			logger.warn("Workflow work-item stream from the sidecar at " + this.transport.getOptions().grpcEndpoint()
					+ " broke (" + reason + "); reopening it in " + delay + " ms");
			Thread retry = new Thread(() -> reopenAfter(delay), "dapr-workflow-reconnect");
			retry.setDaemon(true);
			this.reconnect = retry;
			retry.start();
		}
	}

	private void reopenAfter(long delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		synchronized (this.monitor) {
			if (this.state == State.RECONNECTING) {
				this.transport.resetConnectBackoff();
				open();
			}
		}
	}

	private static BackOffExecution newBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(250, 2.0);
		backOff.setMaxInterval(5000);
		return backOff.start();
	}

	private static String describe(Throwable error) {
		if (error instanceof StatusRuntimeException status) {
			return status.getStatus().getCode() + ((status.getStatus().getDescription() != null)
					? ": " + status.getStatus().getDescription() : "");
		}
		return String.valueOf(error);
	}

	private void dispatch(WorkItem item) {
		ThreadPoolExecutor pool;
		Runnable work;
		switch (item.getRequestCase()) {
			case ORCHESTRATORREQUEST -> {
				pool = this.workflows;
				work = () -> runWorkflow(item);
			}
			case ACTIVITYREQUEST -> {
				pool = this.activities;
				work = () -> runActivity(item);
			}
			default -> {
				return;
			}
		}
		// Stopping: not run here, the sidecar hands it on when the stream closes.
		if (this.state != State.STOPPING && pool != null && !pool.isShutdown()) {
			pool.execute(work);
		}
	}

	private void runWorkflow(WorkItem item) {
		OrchestratorRequest request = item.getOrchestratorRequest();
		HistoryEvent started = executionStarted(request);
		String name = (started != null) ? started.getExecutionStarted().getName() : "unknown";
		String traceParent = (started != null) ? started.getExecutionStarted().getParentTraceContext().getTraceParent()
				: "";
		WorkflowExecutionObservationContext context = new WorkflowExecutionObservationContext("workflow", name,
				request.getInstanceId(), traceParent);
		observation(context).observe(() -> {
			TaskOrchestratorResult result = this.replayEngine.execute(request.getPastEventsList(),
					request.getNewEventsList());
			context.setOutcome(outcome(result));
			OrchestrationVersion.Builder version = OrchestrationVersion.newBuilder();
			if (result.getVersion() != null && !result.getVersion().isEmpty()) {
				version.setName(result.getVersion());
			}
			if (result.getPatches() != null) {
				version.addAllPatches(result.getPatches());
			}
			OrchestratorResponse.Builder response = OrchestratorResponse.newBuilder()
				.setInstanceId(request.getInstanceId())
				.addAllActions(result.getActions())
				.setCompletionToken(item.getCompletionToken())
				.setVersion(version);
			if (result.getCustomStatus() != null) {
				response.setCustomStatus(StringValue.of(result.getCustomStatus()));
			}
			try {
				complete("complete-workflow-step", (stub) -> stub.completeOrchestratorTask(response.build()));
			}
			catch (DataAccessException ex) {
				logger.warn("Could not report the step of workflow instance '" + request.getInstanceId()
						+ "' to the sidecar (" + ex.getMessage() + "); the sidecar runs it again");
			}
		});
	}

	private static @Nullable HistoryEvent executionStarted(OrchestratorRequest request) {
		for (List<HistoryEvent> events : List.of(request.getPastEventsList(), request.getNewEventsList())) {
			for (HistoryEvent event : events) {
				if (event.hasExecutionStarted()) {
					return event;
				}
			}
		}
		return null;
	}

	private static String outcome(TaskOrchestratorResult result) {
		for (OrchestratorAction action : result.getActions()) {
			if (action.hasCompleteOrchestration()) {
				return switch (action.getCompleteOrchestration().getOrchestrationStatus()) {
					case ORCHESTRATION_STATUS_COMPLETED -> "completed";
					case ORCHESTRATION_STATUS_FAILED -> "failed";
					case ORCHESTRATION_STATUS_CONTINUED_AS_NEW -> "continued-as-new";
					case ORCHESTRATION_STATUS_TERMINATED -> "terminated";
					default -> "waiting";
				};
			}
		}
		return "waiting";
	}

	private void runActivity(WorkItem item) {
		ActivityRequest request = item.getActivityRequest();
		String instanceId = request.getOrchestrationInstance().getInstanceId();
		WorkflowExecutionObservationContext context = new WorkflowExecutionObservationContext("activity",
				request.getName(), instanceId, request.getParentTraceContext().getTraceParent());
		observation(context).observe(() -> {
			ActivityResponse.Builder response = ActivityResponse.newBuilder()
				.setInstanceId(instanceId)
				.setTaskId(request.getTaskId())
				.setCompletionToken(item.getCompletionToken());
			try {
				String output = execute(request, instanceId);
				if (output != null) {
					response.setResult(StringValue.of(output));
				}
				context.setOutcome("completed");
			}
			catch (Throwable ex) {
				context.setOutcome("failed");
				context.setError(ex);
				response.setFailureDetails(TaskFailureDetails.newBuilder()
					.setErrorType(ex.getClass().getName())
					.setErrorMessage(String.valueOf(ex.getMessage()))
					.setStackTrace(StringValue.of(FailureDetails.getFullStackTrace(ex))));
			}
			try {
				complete("complete-activity", (stub) -> stub.completeActivityTask(response.build()));
			}
			catch (DataAccessException ex) {
				logger.warn("Could not report the result of activity '" + request.getName() + "' of workflow "
						+ "instance '" + instanceId + "' to the sidecar (" + ex.getMessage()
						+ "); the sidecar runs it again");
			}
		});
	}

	private @Nullable String execute(ActivityRequest request, String instanceId) throws Throwable {
		ActivityDefinition activity = this.registry.activity(request.getName())
			.orElseThrow(() -> new IllegalStateException("No activity named '" + request.getName()
					+ "' is registered in this application; registered activities: "
					+ this.registry.activityNames()));
		String json = request.hasInput() ? request.getInput().getValue() : null;
		Object input = (activity.inputType() != null)
				? this.converter.read(json, activity.inputType(), "the input of activity '" + activity.name() + "'")
				: null;
		Object output = activity.invoke(input, new ActivityContext(activity.name(), instanceId,
				request.getTaskExecutionId(), request.getTaskId()));
		return this.converter.serialize(output);
	}

	// Through the transport: its timeout keeps the request headers the same on every call
	// (a gRPC deadline would not), and its errors say what failed.
	private void complete(String operation,
			Function<TaskHubSidecarServiceGrpc.TaskHubSidecarServiceBlockingStub, ?> rpc) {
		this.transport.call(DaprCall.write("workflows", operation, null, true), this.completions,
				this.transport.getOptions().timeout(), rpc);
	}

	private Observation observation(WorkflowExecutionObservationContext context) {
		return Observation.createNotStarted(this.observationConvention, DEFAULT_CONVENTION, () -> context,
				this.observationRegistry);
	}

	@Override
	public void stop() {
		ThreadPoolExecutor workflowPool;
		ThreadPoolExecutor activityPool;
		synchronized (this.monitor) {
			if (this.state == State.STOPPED || this.state == State.STOPPING) {
				return;
			}
			this.state = State.STOPPING;
			if (this.reconnect != null) {
				this.reconnect.interrupt();
			}
			workflowPool = this.workflows;
			activityPool = this.activities;
		}
		// Queued work has not started: it is handed back with the stream, not run now.
		List<Runnable> notStarted = new ArrayList<>();
		for (ThreadPoolExecutor pool : new ThreadPoolExecutor[] { workflowPool, activityPool }) {
			if (pool != null) {
				pool.getQueue().drainTo(notStarted);
				pool.shutdown();
			}
		}
		long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
		boolean finished = awaitTermination(workflowPool, deadline) & awaitTermination(activityPool, deadline);
		handOff(deadline);
		synchronized (this.monitor) {
			if (this.stream != null) {
				this.stream.cancel("the application is stopping", null);
				this.stream = null;
			}
			this.state = State.STOPPED;
		}
		if (!finished) {
			logger.warn("Workflow work still running after " + this.settings.shutdownTimeout()
					+ " (dapr.workflows.shutdown-timeout) was interrupted; the sidecar runs it again");
			if (workflowPool != null) {
				workflowPool.shutdownNow();
			}
			if (activityPool != null) {
				activityPool.shutdownNow();
			}
		}
		if (!notStarted.isEmpty() && logger.isDebugEnabled()) {
			logger.debug(notStarted.size() + " workflow work items handed back to the sidecar unstarted");
		}
	}

	// daprd forwards an activity's result to its workflow after CompleteActivityTask has
	// answered; closing the stream (and then the sidecar) at once can cut that short, and the
	// activity then runs again elsewhere. A moment keeps the stream open for it.
	private static void handOff(long deadline) {
		long pause = Math.min(HAND_OFF.toNanos(), Math.max(0, deadline - System.nanoTime()));
		try {
			TimeUnit.NANOSECONDS.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean awaitTermination(@Nullable ThreadPoolExecutor pool, long deadline) {
		if (pool == null) {
			return true;
		}
		try {
			return pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.state != State.STOPPED;
	}

}
