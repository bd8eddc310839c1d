package dev.daprspring.workflows.client;

import org.springframework.dao.DuplicateKeyException;

/**
 * A workflow was scheduled with the id of an instance that has not ended.
 */
public class WorkflowInstanceExistsException extends DuplicateKeyException {

	private final String instanceId;

	public WorkflowInstanceExistsException(String instanceId, String workflow, Throwable cause) {
		super("Cannot schedule workflow '" + workflow + "' as instance '" + instanceId + "': an instance with this id "
				+ "has not ended; wait for it to end, terminate or purge it, or choose another id", cause);
		this.instanceId = instanceId;
	}

	public String getInstanceId() {
		return this.instanceId;
	}

}
