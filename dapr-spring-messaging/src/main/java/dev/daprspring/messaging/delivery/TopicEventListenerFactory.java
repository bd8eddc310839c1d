package dev.daprspring.messaging.delivery;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.observation.DefaultTopicDeliveryObservationConvention;
import dev.daprspring.messaging.observation.TopicDeliveryObservationConvention;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.Assert;

/**
 * Builds the {@link TopicEventListener} of a topic endpoint, once, choosing it by the
 * endpoint: a bulk endpoint gets a listener that hands batches to its {@code List}
 * handler, any other one that runs its handler method per event. Both map the outcome to
 * the status the sidecar acts on (a normal return is {@code SUCCESS}, a returned
 * {@link TopicEventStatus} is taken as it is, a failure goes to the
 * {@link TopicErrorHandler}), observe each delivery, continuing the publisher's trace, and
 * keep the endpoint's concurrency limit, beyond which deliveries wait for a bounded time
 * and then answer {@code RETRY}.
 */
public class TopicEventListenerFactory {

	private final MessageHandlerMethodFactory handlerMethodFactory;

	private final CloudEventDataConverter converter;

	private final TopicErrorHandler errorHandler;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable TopicDeliveryObservationConvention observationConvention;

	private Duration concurrencyWait = Duration.ofSeconds(30);

	private @Nullable RetryTemplate retry;

	/**
	 * @param handlerMethodFactory calls handlers of single events
	 * @param converter reads the entries of a batch for bulk handlers
	 */
	public TopicEventListenerFactory(MessageHandlerMethodFactory handlerMethodFactory,
			CloudEventDataConverter converter, TopicErrorHandler errorHandler) {
		this.handlerMethodFactory = handlerMethodFactory;
		this.converter = converter;
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
	 * Retries a failing handler inside the application under this policy before the error
	 * handler decides (many pub/subs, in-memory among them, never deliver an event again
	 * after RETRY); {@code null}, the default, calls each handler once per delivery. Only
	 * single events are retried here, not batches of a bulk subscription. Applies to
	 * listeners created afterwards.
	 */
	public void setRetryPolicy(@Nullable RetryPolicy retryPolicy) {
		this.retry = (retryPolicy != null) ? new RetryTemplate(retryPolicy) : null;
	}

	/**
	 * Sets how long a delivery waits for its handler's concurrency limit before it answers
	 * RETRY; 30 s by default. Applies to listeners created afterwards.
	 */
	public void setConcurrencyWait(Duration concurrencyWait) {
		Assert.isTrue(concurrencyWait.compareTo(Duration.ZERO) > 0,
				() -> "The concurrency wait must be positive, for example 30s; got " + concurrencyWait);
		this.concurrencyWait = concurrencyWait;
	}

	/** The endpoint's listener, with a concurrency limit of its own. */
	public TopicEventListener create(TopicEndpoint endpoint) {
		ConcurrencyLimit limit = new ConcurrencyLimit(endpoint, this.concurrencyWait);
		if (endpoint.bulk() != null) {
			return new BatchEventListener(endpoint, this.converter, this.errorHandler, this::observe, limit);
		}
		return new SingleEventListener(endpoint,
				this.handlerMethodFactory.createInvocableHandlerMethod(endpoint.bean(), endpoint.method()),
				this.errorHandler, this::observe, limit, this.retry);
	}

	private DeliveryObservation observe(IncomingEvent event) {
		return DeliveryObservation.start(event, this.observationRegistry, this.observationConvention);
	}

}
