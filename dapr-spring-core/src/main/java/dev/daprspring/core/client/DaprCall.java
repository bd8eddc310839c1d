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
 * @param repeatable whether an attempt whose connection closed mid-call may be repeated:
 * a read, or a write that cannot apply twice (an ETag-guarded or first-write state
 * operation) or whose repetition is recognisable (a publish with its CloudEvent id)
 */
public record DaprCall(String buildingBlock, String operation, @Nullable String component, boolean idempotent,
		boolean repeatable) {

	/** A call that changes something, such as a save or a publish, and may apply twice if repeated. */
	public static DaprCall write(String buildingBlock, String operation, @Nullable String component) {
		return new DaprCall(buildingBlock, operation, component, false, false);
	}

	/** A write that may be repeated after a connection closed under it, or one that may not. */
	public static DaprCall write(String buildingBlock, String operation, @Nullable String component,
			boolean repeatable) {
		return new DaprCall(buildingBlock, operation, component, false, repeatable);
	}

	/** A call that only reads. */
	public static DaprCall read(String buildingBlock, String operation, @Nullable String component) {
		return new DaprCall(buildingBlock, operation, component, true, true);
	}

	/** For example {@code state.save}. */
	public String name() {
		return this.buildingBlock + "." + this.operation;
	}

}
