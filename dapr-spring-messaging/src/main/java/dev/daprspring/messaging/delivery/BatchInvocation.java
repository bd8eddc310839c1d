package dev.daprspring.messaging.delivery;

import java.util.Map;

/**
 * One call of a bulk handler on a batch, as {@link TopicEventDispatcher#dispatchBatch}
 * runs it.
 */
@FunctionalInterface
public interface BatchInvocation {

	/**
	 * Runs the handler on the batch.
	 * @param failures reports an entry that failed on its own (for example its data could
	 * not be converted) and answers its status
	 * @return the status of each entry by entry id; entries left out are {@code SUCCESS}
	 * @throws Exception when the handler failed on the whole batch
	 */
	Map<String, TopicEventStatus> invoke(EntryFailures failures) throws Exception;

	/**
	 * Reports a failure of one entry of the batch.
	 */
	@FunctionalInterface
	interface EntryFailures {

		/** Runs the failure through the error handler and answers the entry's status. */
		TopicEventStatus fail(String entryId, Throwable failure);

	}

}
