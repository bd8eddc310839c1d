package dev.daprspring.messaging.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.invoke.EventMessages;
import dev.daprspring.messaging.observation.DefaultTopicDeliveryObservationConvention;
import dev.daprspring.messaging.observation.TopicDeliveryObservationContext;
import dev.daprspring.messaging.observation.TopicDeliveryObservationConvention;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * Hands an event to its handler method and maps the outcome to the status the sidecar
 * acts on: a normal return is {@code SUCCESS}, a returned {@link TopicEventStatus} is
 * taken as it is, a failure goes to the {@link TopicErrorHandler}. Each delivery is
 * observed, continuing the publisher's trace; a handler with a concurrency limit makes
 * deliveries beyond it wait. Used by every transport.
 */
public class TopicEventDispatcher {

	private static final TopicDeliveryObservationConvention DEFAULT_CONVENTION = new DefaultTopicDeliveryObservationConvention();

	private final MessageHandlerMethodFactory handlerMethodFactory;

	private final TopicErrorHandler errorHandler;

	private final Map<TopicEndpoint, InvocableHandlerMethod> handlerMethods = new ConcurrentHashMap<>();

	private final Map<TopicEndpoint, Semaphore> permits = new ConcurrentHashMap<>();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable TopicDeliveryObservationConvention observationConvention;

	public TopicEventDispatcher(MessageHandlerMethodFactory handlerMethodFactory, TopicErrorHandler errorHandler) {
		this.handlerMethodFactory = handlerMethodFactory;
		this.errorHandler = errorHandler;
	}

	/** Sets the registry deliveries are observed in; {@link ObservationRegistry#NOOP} by default. */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/** Sets a convention replacing {@link DefaultTopicDeliveryObservationConvention}. */
	public void setObservationConvention(@Nullable TopicDeliveryObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Runs the endpoint's handler on the event, on the calling thread, after waiting for a
	 * permit if the endpoint limits its concurrency.
	 */
	public TopicEventStatus dispatch(TopicEndpoint endpoint, IncomingEvent event) {
		TopicDeliveryObservationContext context = new TopicDeliveryObservationContext(event);
		Observation observation = Observation
			.createNotStarted(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			TopicEventStatus status = dispatchWithinLimit(endpoint, event, observation);
			context.setStatus(status);
			return status;
		}
		finally {
			observation.stop();
		}
	}

	private TopicEventStatus dispatchWithinLimit(TopicEndpoint endpoint, IncomingEvent event,
			Observation observation) {
		if (endpoint.concurrency() <= 0) {
			return invoke(endpoint, event, observation);
		}
		Semaphore semaphore = this.permits.computeIfAbsent(endpoint, (key) -> new Semaphore(key.concurrency()));
		try {
			semaphore.acquire();
		}
		catch (InterruptedException ex) {
			// Shutting down: the sidecar should deliver the event again later.
			Thread.currentThread().interrupt();
			observation.error(ex);
			return TopicEventStatus.RETRY;
		}
		try {
			return invoke(endpoint, event, observation);
		}
		finally {
			semaphore.release();
		}
	}

	private TopicEventStatus invoke(TopicEndpoint endpoint, IncomingEvent event, Observation observation) {
		Message<byte[]> message = EventMessages.toMessage(event.data(), event.attributes(), event.pubsub(),
				event.topic());
		try {
			Object result = handlerMethod(endpoint).invoke(message);
			return (result instanceof TopicEventStatus status) ? status : TopicEventStatus.SUCCESS;
		}
		catch (Exception | LinkageError | AssertionError ex) {
			observation.error(ex);
			return this.errorHandler.handleError(ex, endpoint, event);
		}
	}

	private InvocableHandlerMethod handlerMethod(TopicEndpoint endpoint) {
		return this.handlerMethods.computeIfAbsent(endpoint,
				(key) -> this.handlerMethodFactory.createInvocableHandlerMethod(key.bean(), key.method()));
	}

}
