package dev.daprspring.workflows;

import java.time.Duration;

/**
 * The external event a workflow waited for did not arrive within its timeout.
 */
public class WorkflowEventTimeoutException extends RuntimeException {

	private final String eventName;

	public WorkflowEventTimeoutException(String eventName, Duration timeout) {
		super("Event '" + eventName + "' did not arrive within " + timeout);
		this.eventName = eventName;
	}

	public String getEventName() {
		return this.eventName;
	}

}
