package dev.daprspring.boot.actuate;

/**
 * Thrown by {@link SidecarProbe} when the sidecar cannot be asked; the message names the
 * endpoint and what went wrong.
 */
public class SidecarProbeException extends RuntimeException {

	private final int statusCode;

	public SidecarProbeException(String message) {
		this(message, 0);
	}

	/**
	 * @param message what went wrong
	 * @param statusCode the HTTP status the sidecar answered with
	 */
	public SidecarProbeException(String message, int statusCode) {
		super(message);
		this.statusCode = statusCode;
	}

	public SidecarProbeException(String message, Throwable cause) {
		super(message, cause);
		this.statusCode = 0;
	}

	/** The HTTP status the sidecar answered with; 0 when it did not answer. */
	public int getStatusCode() {
		return this.statusCode;
	}

}
