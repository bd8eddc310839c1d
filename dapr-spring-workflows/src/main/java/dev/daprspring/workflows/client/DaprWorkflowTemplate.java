package dev.daprspring.workflows.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.CreateInstanceRequest;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.GetInstanceRequest;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.GetInstanceResponse;
import io.dapr.durabletask.implementation.protobuf.OrchestratorService.OrchestrationState;
import io.dapr.durabletask.implementation.protobuf.TaskHubSidecarServiceGrpc;
import io.dapr.durabletask.implementation.protobuf.TaskHubSidecarServiceGrpc.TaskHubSidecarServiceBlockingStub;
import io.grpc.Metadata;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import dev.daprspring.core.error.DaprTimeoutException;
import dev.daprspring.core.observation.DaprClientObservationContext;
import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowFailure;
import dev.daprspring.workflows.annotation.DaprWorkflow;
import dev.daprspring.workflows.runtime.WorkflowDefinition;
import dev.daprspring.workflows.runtime.WorkflowRegistry;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * {@link WorkflowOperations} on the sidecar's durable-task API over the application's
 * shared gRPC channel: calls are observed and their errors translated like every
 * {@code DaprTemplate} call, and the scheduling call's trace goes on in the workflow's
 * executions. When the application runs workflows itself, scheduling one it does not run,
 * or with an input that does not convert, is refused before anything is scheduled.
 */
public class DaprWorkflowTemplate implements WorkflowOperations {

	private static final int RECENTLY_SCHEDULED = 10_000;

	private static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent",
			Metadata.ASCII_STRING_MARSHALLER);

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final WorkflowRegistry registry;

	private final TaskHubSidecarServiceBlockingStub stub;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	/** Ids this template scheduled lately, known to exist without asking. */
	private final Set<String> scheduled = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > RECENTLY_SCHEDULED;
		}

	}));

	public DaprWorkflowTemplate(DaprTransport transport, DaprValueConverter converter, WorkflowRegistry registry) {
		this.transport = transport;
		this.converter = converter;
		this.registry = registry;
		this.stub = TaskHubSidecarServiceGrpc.newBlockingStub(transport.tokenChannel());
	}

	/** The registry the transport observes with, read here for the scheduling call's trace. */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	@Override
	public String schedule(String workflow, @Nullable Object input) {
		return schedule(WorkflowStart.of(workflow, input));
	}

	@Override
	public String schedule(Class<? extends Workflow<?, ?>> workflow, @Nullable Object input) {
		DaprWorkflow annotation = AnnotatedElementUtils.findMergedAnnotation(workflow, DaprWorkflow.class);
		Assert.notNull(annotation, () -> workflow.getName() + " is not annotated with @DaprWorkflow");
		String name = StringUtils.hasText(annotation.name()) ? annotation.name() : workflow.getSimpleName();
		return schedule(WorkflowStart.of(name, input));
	}

	@Override
	public String schedule(WorkflowStart start) {
		String input = (start.input() != null) ? json(start.input()) : null;
		check(start, input);
		String instanceId = (start.instanceId() != null) ? start.instanceId() : UUID.randomUUID().toString();
		CreateInstanceRequest.Builder request = CreateInstanceRequest.newBuilder()
			.setInstanceId(instanceId)
			.setName(start.workflow());
		if (input != null) {
			request.setInput(StringValue.of(input));
		}
		if (start.startAt() != null) {
			request.setScheduledStartTimestamp(timestamp(start.startAt()));
		}
		try {
			call(DaprCall.write("workflows", "schedule", start.workflow()), this.transport.getOptions().timeout(),
					(stub) -> stub.startInstance(withTrace(request).build()));
		}
		catch (DataAccessException ex) {
			// daprd 1.17: UNKNOWN "failed to create orchestration instance: an active workflow with ID … already exists"
			if (String.valueOf(ex.getMessage()).contains("already exists")) {
				throw new WorkflowInstanceExistsException(instanceId, start.workflow(), ex);
			}
			throw ex;
		}
		this.scheduled.add(instanceId);
		return instanceId;
	}

	// The trace the transport's observation started for this call, so the instance's
	// executions continue it (daprd keeps the request's trace context in the history).
	private CreateInstanceRequest.Builder withTrace(CreateInstanceRequest.Builder request) {
		Observation current = this.observationRegistry.getCurrentObservation();
		if (current != null && current.getContext() instanceof DaprClientObservationContext context
				&& context.getCarrier() != null) {
			String traceParent = context.getCarrier().get(TRACEPARENT);
			if (traceParent != null) {
				request.setParentTraceContext(OrchestratorService.TraceContext.newBuilder().setTraceParent(traceParent));
			}
		}
		return request;
	}

	// Only when this application runs workflows: a client-only one cannot know the names.
	private void check(WorkflowStart start, @Nullable String input) {
		if (!this.registry.hasWorkflows()) {
			return;
		}
		List<WorkflowDefinition> versions = this.registry.workflow(start.workflow());
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("This application runs no workflow named '" + start.workflow()
					+ "'; its workflows are " + this.registry.workflowNames());
		}
		if (input != null) {
			WorkflowDefinition workflow = versions.stream()
				.filter((version) -> version.latest() || version.version().isEmpty())
				.findFirst()
				.orElse(versions.get(0));
			try {
				this.converter.getJsonMapper()
					.readValue(input, this.converter.getJsonMapper().constructType(workflow.inputType()));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("The input for workflow '" + start.workflow() + "' ("
						+ start.input().getClass().getName() + ") does not convert to its input type "
						+ workflow.inputType().getTypeName() + ": " + ex.getMessage(), ex);
			}
		}
	}

	@Override
	public Optional<WorkflowInstance> find(String instanceId) {
		GetInstanceResponse response = call(DaprCall.read("workflows", "get", null),
				this.transport.getOptions().timeout(), (stub) -> stub.getInstance(GetInstanceRequest.newBuilder()
					.setInstanceId(instanceId)
					.setGetInputsAndOutputs(true)
					.build()));
		return response.getExists() ? Optional.of(instance(response.getOrchestrationState())) : Optional.empty();
	}

	@Override
	public WorkflowInstance get(String instanceId) {
		return find(instanceId).orElseThrow(() -> new WorkflowInstanceNotFoundException(instanceId, "get"));
	}

	@Override
	public WorkflowInstance waitForStart(String instanceId, Duration timeout) {
		return waitFor(instanceId, timeout, "start", TaskHubSidecarServiceBlockingStub::waitForInstanceStart);
	}

	@Override
	public WorkflowInstance waitForCompletion(String instanceId, Duration timeout) {
		return waitFor(instanceId, timeout, "complete", TaskHubSidecarServiceBlockingStub::waitForInstanceCompletion);
	}

	private WorkflowInstance waitFor(String instanceId, Duration timeout, String what,
			BiFunction<TaskHubSidecarServiceBlockingStub, GetInstanceRequest, GetInstanceResponse> rpc) {
		// daprd waits for an unknown id until the timeout: unless this template scheduled the
		// instance itself, it is looked up first so that an unknown id is answered at once.
		if (!this.scheduled.contains(instanceId)) {
			WorkflowInstance current = get(instanceId);
			if (current.status().isTerminal()
					|| ("start".equals(what) && current.status() != WorkflowStatus.PENDING)) {
				return current;
			}
		}
		GetInstanceRequest request = GetInstanceRequest.newBuilder()
			.setInstanceId(instanceId)
			.setGetInputsAndOutputs(true)
			.build();
		try {
			GetInstanceResponse response = call(DaprCall.read("workflows", "wait-for-" + what, null), timeout,
					(stub) -> rpc.apply(stub, request));
			if (!response.getExists()) {
				throw new WorkflowInstanceNotFoundException(instanceId, "wait for");
			}
			return instance(response.getOrchestrationState());
		}
		catch (DaprTimeoutException ex) {
			throw new WorkflowWaitTimeoutException(instanceId, what, timeout,
					find(instanceId).orElseThrow(() -> new WorkflowInstanceNotFoundException(instanceId, "wait for"))
						.status());
		}
		catch (DataAccessException ex) {
			// daprd's answer for an unknown id is a generic error: say what it means.
			if (!(ex instanceof WorkflowInstanceNotFoundException) && find(instanceId).isEmpty()) {
				throw new WorkflowInstanceNotFoundException(instanceId, "wait for");
			}
			throw ex;
		}
	}

	@Override
	public void raiseEvent(String instanceId, String eventName, @Nullable Object payload) {
		OrchestratorService.RaiseEventRequest.Builder request = OrchestratorService.RaiseEventRequest.newBuilder()
			.setInstanceId(instanceId)
			.setName(eventName);
		if (payload != null) {
			request.setInput(StringValue.of(json(payload)));
		}
		onInstance(instanceId, "raise an event on", DaprCall.write("workflows", "raise-event", null),
				(stub) -> stub.raiseEvent(request.build()));
	}

	@Override
	public void suspend(String instanceId, @Nullable String reason) {
		OrchestratorService.SuspendRequest.Builder request = OrchestratorService.SuspendRequest.newBuilder()
			.setInstanceId(instanceId);
		if (reason != null) {
			request.setReason(StringValue.of(reason));
		}
		onInstance(instanceId, "suspend", DaprCall.write("workflows", "suspend", null, true),
				(stub) -> stub.suspendInstance(request.build()));
	}

	@Override
	public void resume(String instanceId, @Nullable String reason) {
		OrchestratorService.ResumeRequest.Builder request = OrchestratorService.ResumeRequest.newBuilder()
			.setInstanceId(instanceId);
		if (reason != null) {
			request.setReason(StringValue.of(reason));
		}
		onInstance(instanceId, "resume", DaprCall.write("workflows", "resume", null, true),
				(stub) -> stub.resumeInstance(request.build()));
	}

	@Override
	public void terminate(String instanceId, @Nullable Object output) {
		OrchestratorService.TerminateRequest.Builder request = OrchestratorService.TerminateRequest.newBuilder()
			.setInstanceId(instanceId)
			.setRecursive(true);
		if (output != null) {
			request.setOutput(StringValue.of(json(output)));
		}
		onInstance(instanceId, "terminate", DaprCall.write("workflows", "terminate", null, true),
				(stub) -> stub.terminateInstance(request.build()));
	}

	@Override
	public void purge(String instanceId) {
		onInstance(instanceId, "purge", DaprCall.write("workflows", "purge", null, true),
				(stub) -> stub.purgeInstances(OrchestratorService.PurgeInstancesRequest.newBuilder()
					.setInstanceId(instanceId)
					.setRecursive(true)
					.build()));
		this.scheduled.remove(instanceId);
	}

	@Override
	public List<String> listInstanceIds() {
		return call(DaprCall.read("workflows", "list", null), this.transport.getOptions().timeout(),
				(stub) -> stub.listInstanceIDs(OrchestratorService.ListInstanceIDsRequest.getDefaultInstance()))
			.getInstanceIdsList();
	}

	@Override
	public String rerun(String sourceInstanceId, int eventId, @Nullable String newInstanceId) {
		OrchestratorService.RerunWorkflowFromEventRequest.Builder request = OrchestratorService.RerunWorkflowFromEventRequest
			.newBuilder()
			.setSourceInstanceID(sourceInstanceId)
			.setEventID(eventId);
		if (newInstanceId != null) {
			request.setNewInstanceID(newInstanceId);
		}
		return onInstance(sourceInstanceId, "rerun", DaprCall.write("workflows", "rerun", null),
				(stub) -> stub.rerunWorkflowFromEvent(request.build()))
			.getNewInstanceID();
	}

	// daprd answers an unknown id with UNKNOWN "no such instance exists" (measured on raise,
	// suspend, terminate and purge): every operation says so the same way.
	private <T> T onInstance(String instanceId, String operation, DaprCall call,
			Function<TaskHubSidecarServiceBlockingStub, T> rpc) {
		try {
			return call(call, this.transport.getOptions().timeout(), rpc);
		}
		catch (DataAccessException ex) {
			if (String.valueOf(ex.getMessage()).contains("no such instance exists") || find(instanceId).isEmpty()) {
				throw new WorkflowInstanceNotFoundException(instanceId, operation);
			}
			throw ex;
		}
	}

	private <T> T call(DaprCall call, Duration timeout, Function<TaskHubSidecarServiceBlockingStub, T> rpc) {
		return this.transport.call(call, this.stub, timeout, rpc);
	}

	private WorkflowInstance instance(OrchestrationState state) {
		WorkflowFailure failure = state.hasFailureDetails()
				? new WorkflowFailure(state.getFailureDetails().getErrorType(),
						state.getFailureDetails().getErrorMessage(),
						state.getFailureDetails().hasStackTrace() ? state.getFailureDetails().getStackTrace().getValue()
								: null)
				: null;
		return new WorkflowInstance(state.getInstanceId(), state.getName(), status(state.getOrchestrationStatus()),
				instant(state.hasCreatedTimestamp() ? state.getCreatedTimestamp() : null),
				instant(state.hasLastUpdatedTimestamp() ? state.getLastUpdatedTimestamp() : null),
				state.hasInput() ? state.getInput().getValue() : null,
				state.hasOutput() ? state.getOutput().getValue() : null,
				state.hasCustomStatus() ? state.getCustomStatus().getValue() : null, failure,
				this.converter.getJsonMapper());
	}

	private static WorkflowStatus status(OrchestratorService.OrchestrationStatus status) {
		return switch (status) {
			case ORCHESTRATION_STATUS_RUNNING -> WorkflowStatus.RUNNING;
			case ORCHESTRATION_STATUS_COMPLETED -> WorkflowStatus.COMPLETED;
			case ORCHESTRATION_STATUS_CONTINUED_AS_NEW -> WorkflowStatus.CONTINUED_AS_NEW;
			case ORCHESTRATION_STATUS_FAILED -> WorkflowStatus.FAILED;
			case ORCHESTRATION_STATUS_CANCELED -> WorkflowStatus.CANCELED;
			case ORCHESTRATION_STATUS_TERMINATED -> WorkflowStatus.TERMINATED;
			case ORCHESTRATION_STATUS_SUSPENDED -> WorkflowStatus.SUSPENDED;
			default -> WorkflowStatus.PENDING;
		};
	}

	// Always JSON (a DaprValueConverter writes strings as they are, for state).
	private String json(Object value) {
		return this.converter.getJsonMapper().writeValueAsString(value);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()) : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}


}
