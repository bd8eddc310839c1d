package dev.daprspring.core.error;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * The call named a component (state store, pub/sub, binding, secret store, configuration store, lock store)
 * the sidecar has not loaded. The message lists the components it has.
 */
public class DaprComponentNotFoundException extends InvalidDataAccessResourceUsageException implements DaprException {

	private final DaprErrorDetails details;

	public DaprComponentNotFoundException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, cause);
		this.details = details;
	}

	@Override
	public DaprErrorDetails getDetails() {
		return this.details;
	}

}
