package dev.daprspring.messaging.delivery;

import java.util.List;
import java.util.Map;

/**
 * The delivery pipeline of one topic endpoint, built once when the endpoint is registered:
 * a handler of single events or a bulk handler, chosen then, so that the transports hand
 * it whatever the sidecar sent without asking which kind it is.
 */
public interface TopicEventListener {

	/**
	 * Runs the handler on one event, on the calling thread.
	 * @return what the sidecar should do with the event
	 */
	TopicEventStatus onEvent(IncomingEvent event);

	/**
	 * Runs the handler on a batch, on the calling thread.
	 * @return the status of every entry by entry id, in the order of the entries
	 */
	Map<String, TopicEventStatus> onBatch(List<BulkEntry> entries);

}
