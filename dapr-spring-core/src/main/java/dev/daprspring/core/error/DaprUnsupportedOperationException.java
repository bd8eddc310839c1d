package dev.daprspring.core.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The component does not support the operation, for example the state query API on a store
 * without it. The message names the missing capability.
 */
public class DaprUnsupportedOperationException extends InvalidDataAccessApiUsageException implements DaprException {

	private final DaprErrorDetails details;

	public DaprUnsupportedOperationException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, cause);
		this.details = details;
	}

	@Override
	public DaprErrorDetails getDetails() {
		return this.details;
	}

}
