package dev.daprspring.workflows;

import org.jspecify.annotations.Nullable;

/**
 * Why an activity, a child workflow or a workflow failed, as recorded in its history.
 *
 * @param type the class name of the exception that was thrown
 * @param message its message
 * @param stackTrace its stack trace as text, when recorded
 */
public record WorkflowFailure(String type, String message, @Nullable String stackTrace) {

	/** Whether the failure was an exception of this class (by name, as it may have run elsewhere). */
	public boolean isCausedBy(Class<? extends Throwable> exceptionType) {
		return exceptionType.getName().equals(this.type);
	}

	@Override
	public String toString() {
		return this.type + ": " + this.message;
	}

}
