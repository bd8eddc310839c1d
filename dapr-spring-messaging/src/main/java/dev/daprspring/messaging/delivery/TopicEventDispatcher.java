package dev.daprspring.messaging.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.invoke.EventMessages;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * Hands an event to its handler method and maps the outcome to the status the sidecar
 * acts on: a normal return is {@code SUCCESS}, a returned {@link TopicEventStatus} is
 * taken as it is, a failure goes to the {@link TopicErrorHandler}. Used by every
 * transport.
 */
public class TopicEventDispatcher {

	private final MessageHandlerMethodFactory handlerMethodFactory;

	private final TopicErrorHandler errorHandler;

	private final Map<TopicEndpoint, InvocableHandlerMethod> handlerMethods = new ConcurrentHashMap<>();

	public TopicEventDispatcher(MessageHandlerMethodFactory handlerMethodFactory, TopicErrorHandler errorHandler) {
		this.handlerMethodFactory = handlerMethodFactory;
		this.errorHandler = errorHandler;
	}

	/** Runs the endpoint's handler on the event, on the calling thread. */
	public TopicEventStatus dispatch(TopicEndpoint endpoint, IncomingEvent event) {
		Message<byte[]> message = EventMessages.toMessage(event.data(), event.attributes(), event.pubsub(),
				event.topic());
		try {
			Object result = handlerMethod(endpoint).invoke(message);
			return (result instanceof TopicEventStatus status) ? status : TopicEventStatus.SUCCESS;
		}
		catch (Exception | LinkageError | AssertionError ex) {
			return this.errorHandler.handleError(ex, endpoint, event);
		}
	}

	private InvocableHandlerMethod handlerMethod(TopicEndpoint endpoint) {
		return this.handlerMethods.computeIfAbsent(endpoint,
				(key) -> this.handlerMethodFactory.createInvocableHandlerMethod(key.bean(), key.method()));
	}

}
