package dev.daprspring.workflows.client;

import org.springframework.dao.DataRetrievalFailureException;

/**
 * No workflow instance has this id (it was never scheduled, or has been purged).
 */
public class WorkflowInstanceNotFoundException extends DataRetrievalFailureException {

	private final String instanceId;

	public WorkflowInstanceNotFoundException(String instanceId, String operation) {
		super("Cannot " + operation + " workflow instance '" + instanceId + "': the sidecar knows no instance with "
				+ "this id (never scheduled, or purged)");
		this.instanceId = instanceId;
	}

	public String getInstanceId() {
		return this.instanceId;
	}

}
