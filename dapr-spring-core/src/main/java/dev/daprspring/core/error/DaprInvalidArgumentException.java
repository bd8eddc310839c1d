package dev.daprspring.core.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The sidecar rejected the request's arguments, for example an empty key.
 */
public class DaprInvalidArgumentException extends InvalidDataAccessApiUsageException implements DaprException {

	private final DaprErrorDetails details;

	public DaprInvalidArgumentException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, cause);
		this.details = details;
	}

	@Override
	public DaprErrorDetails getDetails() {
		return this.details;
	}

}
