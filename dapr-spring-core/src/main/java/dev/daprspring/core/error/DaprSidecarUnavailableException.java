package dev.daprspring.core.error;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The sidecar could not be reached or is not ready. Retrying later may succeed.
 */
public class DaprSidecarUnavailableException extends TransientDataAccessResourceException implements DaprException {

	private final DaprErrorDetails details;

	public DaprSidecarUnavailableException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, cause);
		this.details = details;
	}

	@Override
	public DaprErrorDetails getDetails() {
		return this.details;
	}

}
