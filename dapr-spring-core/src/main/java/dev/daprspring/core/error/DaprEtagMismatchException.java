package dev.daprspring.core.error;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A write or delete carried an ETag that no longer matches the stored one: someone else changed the
 * value first. Nothing was written.
 */
public class DaprEtagMismatchException extends OptimisticLockingFailureException implements DaprException {

	private final DaprErrorDetails details;

	public DaprEtagMismatchException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, cause);
		this.details = details;
	}

	@Override
	public DaprErrorDetails getDetails() {
		return this.details;
	}

}
