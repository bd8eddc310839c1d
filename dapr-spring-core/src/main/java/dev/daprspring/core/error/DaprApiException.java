package dev.daprspring.core.error;

import org.springframework.dao.UncategorizedDataAccessException;

/**
 * Any other error the sidecar reported.
 */
public class DaprApiException extends UncategorizedDataAccessException implements DaprException {

	private final DaprErrorDetails details;

	public DaprApiException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, cause);
		this.details = details;
	}

	@Override
	public DaprErrorDetails getDetails() {
		return this.details;
	}

}
