package dev.daprspring.boot.sidecar;

/**
 * Thrown when a sidecar fails to start or stop. The message carries the last lines of
 * daprd's log.
 */
public class DaprSidecarException extends IllegalStateException {

	public DaprSidecarException(String message) {
		super(message);
	}

	public DaprSidecarException(String message, Throwable cause) {
		super(message, cause);
	}

}
