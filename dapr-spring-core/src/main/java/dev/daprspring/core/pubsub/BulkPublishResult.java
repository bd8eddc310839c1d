package dev.daprspring.core.pubsub;

import java.util.List;

/**
 * The outcome of a bulk publish: the entries the pub/sub component did not accept.
 *
 * @param failedEntries the entries that failed, in the order the sidecar reported them;
 * empty when all were published
 */
public record BulkPublishResult(List<FailedEntry> failedEntries) {

	public BulkPublishResult {
		failedEntries = List.copyOf(failedEntries);
	}

	/** Whether every entry was published. */
	public boolean isSuccess() {
		return this.failedEntries.isEmpty();
	}

	/**
	 * One entry that was not published.
	 *
	 * @param entryId the id the entry was sent with
	 * @param index the position of its payload in the list given to {@code publishAll}
	 * @param error why the component rejected it
	 */
	public record FailedEntry(String entryId, int index, String error) {
	}

}
