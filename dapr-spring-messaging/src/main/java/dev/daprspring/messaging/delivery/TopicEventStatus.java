package dev.daprspring.messaging.delivery;

/**
 * What the sidecar does with an event after the handler ran.
 */
public enum TopicEventStatus {

	/** The event was handled; it is acknowledged. */
	SUCCESS,

	/** The event should be delivered again (if the component redelivers). */
	RETRY,

	/** The event is discarded, or sent to the dead-letter topic if one is set. */
	DROP

}
