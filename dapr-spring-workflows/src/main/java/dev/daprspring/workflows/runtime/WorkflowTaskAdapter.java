package dev.daprspring.workflows.runtime;

import java.time.Duration;

import io.dapr.durabletask.CompositeTaskFailedException;
import io.dapr.durabletask.FailureDetails;
import io.dapr.durabletask.Task;
import io.dapr.durabletask.TaskCanceledException;
import io.dapr.durabletask.TaskFailedException;
import org.jspecify.annotations.Nullable;

import dev.daprspring.workflows.WorkflowEventTimeoutException;
import dev.daprspring.workflows.WorkflowFailure;
import dev.daprspring.workflows.WorkflowTask;
import dev.daprspring.workflows.WorkflowTaskFailedException;

/**
 * A {@link WorkflowTask} on the replay engine's task: failures become the starter's
 * exceptions, the engine's own signals (the replay yielding, continue-as-new) pass
 * through untouched.
 */
final class WorkflowTaskAdapter<T> implements WorkflowTask<T> {

	private final Task<T> task;

	private final String name;

	private final @Nullable Duration eventTimeout;

	WorkflowTaskAdapter(Task<T> task, String name, @Nullable Duration eventTimeout) {
		this.task = task;
		this.name = name;
		this.eventTimeout = eventTimeout;
	}

	Task<T> task() {
		return this.task;
	}

	@Override
	public @Nullable T await() {
		try {
			return this.task.await();
		}
		catch (TaskCanceledException ex) {
			throw new WorkflowEventTimeoutException(this.name,
					(this.eventTimeout != null) ? this.eventTimeout : Duration.ZERO);
		}
		catch (TaskFailedException ex) {
			throw failed(ex);
		}
		catch (CompositeTaskFailedException ex) {
			WorkflowTaskFailedException first = null;
			for (Exception failure : ex.getExceptions()) {
				RuntimeException translated = (failure instanceof TaskFailedException taskFailure)
						? failed(taskFailure) : null;
				if (first == null && translated instanceof WorkflowTaskFailedException wtf) {
					first = wtf;
				}
				else if (first != null && translated != null) {
					first.addSuppressed(translated);
				}
			}
			throw (first != null) ? first : ex;
		}
	}

	@Override
	public boolean isDone() {
		return this.task.isDone();
	}

	static WorkflowTaskFailedException failed(TaskFailedException ex) {
		FailureDetails details = ex.getErrorDetails();
		WorkflowFailure failure = new WorkflowFailure(String.valueOf(details.getErrorType()),
				String.valueOf(details.getErrorMessage()), details.getStackTrace());
		return new WorkflowTaskFailedException(ex.getTaskName(), failure);
	}

}
