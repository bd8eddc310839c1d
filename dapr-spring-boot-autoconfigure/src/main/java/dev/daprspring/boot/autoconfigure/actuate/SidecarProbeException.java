package dev.daprspring.boot.autoconfigure.actuate;

/**
 * Thrown by {@link SidecarProbe} when the sidecar cannot be asked; the message names the
 * endpoint and what went wrong.
 */
public class SidecarProbeException extends RuntimeException {

	public SidecarProbeException(String message) {
		super(message);
	}

	public SidecarProbeException(String message, Throwable cause) {
		super(message, cause);
	}

}
