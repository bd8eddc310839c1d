package dev.daprspring.core.error;

import org.springframework.dao.QueryTimeoutException;

/**
 * The call did not finish within its deadline ({@code dapr.client.timeout}).
 */
public class DaprTimeoutException extends QueryTimeoutException implements DaprException {

	private final DaprErrorDetails details;

	public DaprTimeoutException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, cause);
		this.details = details;
	}

	@Override
	public DaprErrorDetails getDetails() {
		return this.details;
	}

}
