package dev.daprspring.workflows.observation;

import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * One execution for the sidecar: a replay of a workflow up to where it waits again, or
 * an activity. The carrier is the W3C {@code traceparent} of the request that scheduled
 * the instance (as daprd hands it on), so the execution continues that trace.
 */
public class WorkflowExecutionObservationContext extends ReceiverContext<String> {

	/** {@code workflow} or {@code activity}. */
	private final String kind;

	private final String name;

	private final String instanceId;

	private @Nullable String outcome;

	public WorkflowExecutionObservationContext(String kind, String name, String instanceId, String traceParent) {
		super((carrier, key) -> "traceparent".equals(key) && !carrier.isEmpty() ? carrier : null);
		setCarrier(traceParent);
		this.kind = kind;
		this.name = name;
		this.instanceId = instanceId;
	}

	public String getExecutionKind() {
		return this.kind;
	}

	/** The workflow's or the activity's name. */
	public String getWorkflowName() {
		return this.name;
	}

	public String getInstanceId() {
		return this.instanceId;
	}

	/**
	 * For a workflow: {@code completed}, {@code failed}, {@code continued-as-new},
	 * {@code terminated} or {@code waiting}; for an activity {@code completed} or
	 * {@code failed}; {@code null} until the execution ended.
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

	/** The {@code traceparent} the execution continues, empty when none came. */
	public String getTraceParent() {
		return String.valueOf(getCarrier());
	}

}
