package dev.daprspring.core.client;

import org.jspecify.annotations.Nullable;

/**
 * One call to the sidecar, as observed, retried and reported in errors.
 *
 * @param buildingBlock the building block, for example {@code state}
 * @param operation the operation, for example {@code save}
 * @param component the component the call names, or {@code null}
 * @param idempotent whether repeating the call cannot change the outcome (reads), so a
 * timed-out attempt may be retried
 */
public record DaprCall(String buildingBlock, String operation, @Nullable String component, boolean idempotent) {

	/** A call that changes something, such as a save or a publish. */
	public static DaprCall write(String buildingBlock, String operation, @Nullable String component) {
		return new DaprCall(buildingBlock, operation, component, false);
	}

	/** A call that only reads. */
	public static DaprCall read(String buildingBlock, String operation, @Nullable String component) {
		return new DaprCall(buildingBlock, operation, component, true);
	}

	/** For example {@code state.save}. */
	public String name() {
		return this.buildingBlock + "." + this.operation;
	}

}
