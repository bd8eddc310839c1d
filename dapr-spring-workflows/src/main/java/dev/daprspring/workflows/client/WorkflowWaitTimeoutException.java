package dev.daprspring.workflows.client;

import java.time.Duration;

import org.springframework.dao.QueryTimeoutException;

/**
 * A wait for a workflow instance to start or to end ran out of time; the instance goes on.
 */
public class WorkflowWaitTimeoutException extends QueryTimeoutException {

	private final String instanceId;

	public WorkflowWaitTimeoutException(String instanceId, String waitedFor, Duration timeout,
			WorkflowStatus lastStatus) {
		super("Workflow instance '" + instanceId + "' did not " + waitedFor + " within " + timeout + " (it is "
				+ lastStatus + ")");
		this.instanceId = instanceId;
	}

	public String getInstanceId() {
		return this.instanceId;
	}

}
