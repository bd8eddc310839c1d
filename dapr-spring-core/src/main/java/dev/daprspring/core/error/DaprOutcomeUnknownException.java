package dev.daprspring.core.error;

/**
 * The connection to the sidecar closed during a call, so the call may or may not have
 * taken effect. A write that can be repeated safely (a publish with its CloudEvent id, an
 * ETag-guarded or first-write state operation) is retried by the call policy; any other
 * write is not, and this exception says so: read what the write would have changed before
 * writing again.
 */
public class DaprOutcomeUnknownException extends DaprSidecarUnavailableException {

	public DaprOutcomeUnknownException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

}
