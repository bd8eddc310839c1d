package dev.daprspring.boot.autoconfigure.workflows.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import dev.daprspring.core.observation.DaprClientObservationContext;
import dev.daprspring.workflows.observation.WorkflowExecutionObservationContext;

/**
 * Keeps the workflow executions observed, and plays the tracer for scheduling calls: each
 * gets a {@code traceparent} of its own, remembered by the workflow it schedules.
 */
public class ExecutionRecorder implements ObservationHandler<Observation.Context> {

	private final List<WorkflowExecutionObservationContext> executions = new CopyOnWriteArrayList<>();

	private final Map<String, String> traceParentOfSchedule = new ConcurrentHashMap<>();

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof WorkflowExecutionObservationContext
				|| (context instanceof DaprClientObservationContext client
						&& client.getCall().name().equals("workflows.schedule"));
	}

	@Override
	public void onStart(Observation.Context context) {
		if (context instanceof DaprClientObservationContext client && client.getCarrier() != null) {
			String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
			String traceParent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
			client.getSetter().set(client.getCarrier(), "traceparent", traceParent);
			this.traceParentOfSchedule.put(String.valueOf(client.getCall().component()) + "#" + traceId, traceParent);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		if (context instanceof WorkflowExecutionObservationContext execution) {
			this.executions.add(execution);
		}
	}

	public List<WorkflowExecutionObservationContext> executionsOf(String instanceId) {
		return this.executions.stream().filter((execution) -> execution.getInstanceId().equals(instanceId)).toList();
	}

	/** The trace ids given to scheduling calls of this workflow. */
	public List<String> traceIdsOfSchedules(String workflow) {
		return this.traceParentOfSchedule.keySet()
			.stream()
			.filter((key) -> key.startsWith(workflow + "#"))
			.map((key) -> key.substring(workflow.length() + 1))
			.toList();
	}

}
