package dev.daprspring.messaging.delivery;

import dev.daprspring.messaging.endpoint.TopicEndpoint;

/**
 * Decides what happens to an event whose handler failed. Declare a bean of this type to
 * replace the default classification.
 */
@FunctionalInterface
public interface TopicErrorHandler {

	/**
	 * The status for an event the handler (or the conversion of its arguments) failed on.
	 * @param error what was thrown
	 * @param endpoint the handler
	 * @param event the event
	 * @return what the sidecar should do with the event
	 */
	TopicEventStatus handleError(Throwable error, TopicEndpoint endpoint, IncomingEvent event);

}
