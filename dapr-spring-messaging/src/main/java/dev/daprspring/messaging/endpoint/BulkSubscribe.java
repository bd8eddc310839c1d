package dev.daprspring.messaging.endpoint;

/**
 * How the sidecar delivers a subscription's events in batches.
 *
 * @param maxMessages the most events in one batch, or 0 for the sidecar's default
 * @param maxAwaitMs how long, in milliseconds, the sidecar waits to fill a batch, or 0 for
 * its default
 */
public record BulkSubscribe(int maxMessages, int maxAwaitMs) {

	/** Batches of the sidecar's default size and wait. */
	public static final BulkSubscribe DEFAULTS = new BulkSubscribe(0, 0);

	public BulkSubscribe {
		if (maxMessages < 0 || maxAwaitMs < 0) {
			throw new IllegalArgumentException("Bulk maxMessages and maxAwaitMs must not be negative, but were "
					+ maxMessages + " and " + maxAwaitMs + "; use 0 for the sidecar's default");
		}
	}

}
