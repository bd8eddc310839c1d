package dev.daprspring.core.client;

import java.util.function.Supplier;

/**
 * Wraps each call to the sidecar, for retries and circuit breaking.
 */
public interface DaprCallPolicy {

	/** Runs calls as they are. */
	DaprCallPolicy NONE = new DaprCallPolicy() {
		@Override
		public <T> T execute(DaprCall call, Supplier<T> attempt) {
			return attempt.get();
		}
	};

	/**
	 * Runs a call.
	 * @param call what is called; only {@link DaprCall#idempotent()} calls may be
	 * repeated after a timeout
	 * @param attempt one attempt, throwing the translated exception on failure
	 * @return the result
	 */
	<T> T execute(DaprCall call, Supplier<T> attempt);

}
