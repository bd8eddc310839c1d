package dev.daprspring.boot.sidecar;

import java.util.List;

/**
 * Thrown when no {@code daprd} executable can be found.
 */
public class DaprdNotFoundException extends IllegalStateException {

	private final List<String> locations;

	public DaprdNotFoundException(String message, List<String> locations) {
		super(message);
		this.locations = List.copyOf(locations);
	}

	/** The places that were looked at, in order. */
	public List<String> getLocations() {
		return this.locations;
	}

}
