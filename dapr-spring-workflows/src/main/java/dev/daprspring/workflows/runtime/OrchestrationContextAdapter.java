package dev.daprspring.workflows.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dapr.durabletask.RetryPolicy;
import io.dapr.durabletask.Task;
import io.dapr.durabletask.TaskOptions;
import io.dapr.durabletask.TaskOrchestrationContext;
import org.jspecify.annotations.Nullable;

import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.WorkflowRetryPolicy;
import dev.daprspring.workflows.WorkflowTask;

/**
 * The {@link WorkflowContext} of one replay, on the replay engine's context. An activity
 * this application does not register fails the call at once with the names it does
 * register, instead of an instance that waits for a worker that never answers.
 */
final class OrchestrationContextAdapter implements WorkflowContext {

	private final TaskOrchestrationContext context;

	private final WorkflowRegistry registry;

	OrchestrationContextAdapter(TaskOrchestrationContext context, WorkflowRegistry registry) {
		this.context = context;
		this.registry = registry;
	}

	@Override
	public String instanceId() {
		return this.context.getInstanceId();
	}

	@Override
	public String name() {
		return this.context.getName();
	}

	@Override
	public Instant currentTime() {
		return this.context.getCurrentInstant();
	}

	@Override
	public boolean isReplaying() {
		return this.context.getIsReplaying();
	}

	@Override
	public <T> WorkflowTask<T> callActivity(String name, @Nullable Object input, Class<T> resultType) {
		return activity(name, input, resultType, null);
	}

	@Override
	public <T> WorkflowTask<T> callActivity(String name, @Nullable Object input, Class<T> resultType,
			WorkflowRetryPolicy retry) {
		return activity(name, input, resultType, retry);
	}

	private <T> WorkflowTask<T> activity(String name, @Nullable Object input, Class<T> resultType,
			@Nullable WorkflowRetryPolicy retry) {
		if (this.registry.activity(name).isEmpty()) {
			throw new IllegalArgumentException("Workflow '" + name() + "' calls activity '" + name
					+ "', which this application does not register; registered activities: "
					+ this.registry.activityNames());
		}
		TaskOptions options = (retry != null) ? TaskOptions.withRetryPolicy(policy(retry)) : null;
		return new WorkflowTaskAdapter<>(this.context.callActivity(name, input, options, resultType), name, null);
	}

	@Override
	public <T> WorkflowTask<T> callChildWorkflow(String name, @Nullable Object input, Class<T> resultType) {
		return callChildWorkflow(name, input, null, resultType, null);
	}

	@Override
	public <T> WorkflowTask<T> callChildWorkflow(String name, @Nullable Object input, @Nullable String instanceId,
			Class<T> resultType, @Nullable WorkflowRetryPolicy retry) {
		TaskOptions options = (retry != null) ? TaskOptions.withRetryPolicy(policy(retry)) : null;
		// A child's id derived from the parent's and the call's position is the same on every replay.
		String childId = (instanceId != null) ? instanceId : instanceId() + ":" + newUuid();
		return new WorkflowTaskAdapter<>(
				this.context.callSubOrchestrator(name, input, childId, options, resultType), name, null);
	}

	@Override
	public WorkflowTask<Void> createTimer(Duration delay) {
		return new WorkflowTaskAdapter<>(this.context.createTimer(delay), "timer", null);
	}

	@Override
	public WorkflowTask<Void> createTimer(Instant fireAt) {
		return new WorkflowTaskAdapter<>(this.context.createTimer(fireAt.atZone(ZoneOffset.UTC)), "timer", null);
	}

	@Override
	public <T> WorkflowTask<T> waitForExternalEvent(String eventName, Class<T> dataType) {
		return new WorkflowTaskAdapter<>(this.context.waitForExternalEvent(eventName, dataType), eventName, null);
	}

	@Override
	public <T> WorkflowTask<T> waitForExternalEvent(String eventName, Duration timeout, Class<T> dataType) {
		return new WorkflowTaskAdapter<>(this.context.waitForExternalEvent(eventName, timeout, dataType), eventName,
				timeout);
	}

	@Override
	public <T> WorkflowTask<List<T>> allOf(List<WorkflowTask<T>> tasks) {
		List<Task<T>> delegates = new ArrayList<>(tasks.size());
		tasks.forEach((task) -> delegates.add(unwrap(task)));
		return new WorkflowTaskAdapter<>(this.context.allOf(delegates), "allOf", null);
	}

	@Override
	public WorkflowTask<WorkflowTask<?>> anyOf(List<? extends WorkflowTask<?>> tasks) {
		List<Task<?>> delegates = new ArrayList<>(tasks.size());
		tasks.forEach((task) -> delegates.add(unwrap(task)));
		Task<Task<?>> first = this.context.anyOf(delegates);
		return new WorkflowTask<>() {

			@Override
			public WorkflowTask<?> await() {
				Task<?> winner = first.await();
				return tasks.get(delegates.indexOf(winner));
			}

			@Override
			public boolean isDone() {
				return first.isDone();
			}

		};
	}

	@Override
	public void continueAsNew(@Nullable Object input) {
		this.context.continueAsNew(input);
	}

	@Override
	public void setCustomStatus(@Nullable Object status) {
		if (status != null) {
			this.context.setCustomStatus(status);
		}
		else {
			this.context.clearCustomStatus();
		}
	}

	@Override
	public void raiseEvent(String instanceId, String eventName, @Nullable Object data) {
		this.context.sendEvent(instanceId, eventName, data);
	}

	@Override
	public UUID newUuid() {
		return this.context.newUuid();
	}

	private static <T> Task<T> unwrap(WorkflowTask<T> task) {
		if (task instanceof WorkflowTaskAdapter<T> adapter) {
			return adapter.task();
		}
		throw new IllegalArgumentException("Not a task of this workflow context: " + task);
	}

	private static RetryPolicy policy(WorkflowRetryPolicy retry) {
		RetryPolicy policy = new RetryPolicy(retry.maxAttempts(), retry.firstInterval())
			.setBackoffCoefficient(retry.backoffCoefficient());
		if (retry.maxInterval() != null) {
			policy.setMaxRetryInterval(retry.maxInterval());
		}
		if (retry.timeout() != null) {
			policy.setRetryTimeout(retry.timeout());
		}
		return policy;
	}

}
