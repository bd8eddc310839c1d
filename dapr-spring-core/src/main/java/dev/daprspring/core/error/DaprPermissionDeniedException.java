package dev.daprspring.core.error;

import org.springframework.dao.PermissionDeniedDataAccessException;

/**
 * The sidecar rejected the caller: a missing or wrong API token, or an access policy.
 */
public class DaprPermissionDeniedException extends PermissionDeniedDataAccessException implements DaprException {

	private final DaprErrorDetails details;

	public DaprPermissionDeniedException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, cause);
		this.details = details;
	}

	@Override
	public DaprErrorDetails getDetails() {
		return this.details;
	}

}
