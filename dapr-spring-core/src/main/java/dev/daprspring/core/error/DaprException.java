package dev.daprspring.core.error;

/**
 * Implemented by every exception this project throws for a failed sidecar call. Each is
 * also a Spring {@code DataAccessException}, so existing handling of optimistic locking
 * and transient failures applies.
 */
public interface DaprException {

	/** What the sidecar said. */
	DaprErrorDetails getDetails();

}
