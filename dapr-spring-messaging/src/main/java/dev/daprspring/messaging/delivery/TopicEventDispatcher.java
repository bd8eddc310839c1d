package dev.daprspring.messaging.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.handler.EventMessages;
import dev.daprspring.messaging.observation.DefaultTopicDeliveryObservationConvention;
import dev.daprspring.messaging.observation.TopicDeliveryObservationContext;
import dev.daprspring.messaging.observation.TopicDeliveryObservationConvention;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;

/**
 * Hands an event to its handler method and maps the outcome to the status the sidecar
 * acts on: a normal return is {@code SUCCESS}, a returned {@link TopicEventStatus} is
 * taken as it is, a failure goes to the {@link TopicErrorHandler}. Each delivery is
 * observed, continuing the publisher's trace; a handler with a concurrency limit makes
 * deliveries beyond it wait, for a bounded time after which they answer {@code RETRY}. Used by every transport, for single events and for batches.
 */
public class TopicEventDispatcher {

	private static final Log logger = LogFactory.getLog(TopicEventDispatcher.class);

	private static final TopicDeliveryObservationConvention DEFAULT_CONVENTION = new DefaultTopicDeliveryObservationConvention();

	private final MessageHandlerMethodFactory handlerMethodFactory;

	private final TopicErrorHandler errorHandler;

	private final Map<TopicEndpoint, InvocableHandlerMethod> handlerMethods = new ConcurrentHashMap<>();

	private final Map<TopicEndpoint, Semaphore> permits = new ConcurrentHashMap<>();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private Duration concurrencyWait = Duration.ofSeconds(30);

	private @Nullable TopicDeliveryObservationConvention observationConvention;

	private @Nullable RetryTemplate retry;

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
	 * Retries a failing handler inside the application under this policy before the error
	 * handler decides (many pub/subs, in-memory among them, never deliver an event again
	 * after RETRY); {@code null}, the default, calls each handler once per delivery. Only
	 * single events are retried here, not batches of a bulk subscription.
	 */
	public void setRetryPolicy(@Nullable RetryPolicy retryPolicy) {
		this.retry = (retryPolicy != null) ? new RetryTemplate(retryPolicy) : null;
	}

	/** Sets how long a delivery waits for its handler's concurrency limit before it answers RETRY; 30 s by default. */
	public void setConcurrencyWait(Duration concurrencyWait) {
		Assert.isTrue(concurrencyWait.compareTo(Duration.ZERO) > 0,
				() -> "The concurrency wait must be positive, for example 30s; got " + concurrencyWait);
		this.concurrencyWait = concurrencyWait;
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

	/**
	 * Runs a bulk handler's batch through the same pipeline as single events, on the calling
	 * thread: each event is observed (continuing its own publisher's trace; the handler
	 * runs in the scope of the first event's observation), the batch takes one permit of
	 * the endpoint's concurrency limit, and when the handler fails on the batch the
	 * {@link TopicErrorHandler} decides the status of every event.
	 * @param events the batch's events by entry id, in the order the sidecar sent them
	 * @return the status of every entry by entry id, in that order
	 */
	public Map<String, TopicEventStatus> dispatchBatch(TopicEndpoint endpoint, Map<String, IncomingEvent> events,
			BatchInvocation invocation) {
		Map<String, TopicDeliveryObservationContext> contexts = new LinkedHashMap<>();
		Map<String, Observation> observations = new LinkedHashMap<>();
		events.forEach((entryId, event) -> {
			TopicDeliveryObservationContext context = new TopicDeliveryObservationContext(event);
			contexts.put(entryId, context);
			observations.put(entryId, Observation
				.createNotStarted(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
				.start());
		});
		Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
		List<Observation> started = new ArrayList<>(observations.values());
		Observation.Scope scope = started.isEmpty() ? null : started.get(0).openScope();
		try {
			statuses.putAll(invokeBatchWithinLimit(endpoint, events, invocation, observations));
		}
		finally {
			if (scope != null) {
				scope.close();
			}
			events.keySet().forEach((entryId) -> {
				TopicEventStatus status = statuses.getOrDefault(entryId, TopicEventStatus.SUCCESS);
				statuses.put(entryId, status);
				contexts.get(entryId).setStatus(status);
				observations.get(entryId).stop();
			});
		}
		return statuses;
	}

	private Map<String, TopicEventStatus> invokeBatchWithinLimit(TopicEndpoint endpoint,
			Map<String, IncomingEvent> events, BatchInvocation invocation, Map<String, Observation> observations) {
		Semaphore semaphore = limit(endpoint);
		if (semaphore != null) {
			try {
				acquire(semaphore, endpoint);
			}
			catch (NoPermitException ex) {
				Map<String, TopicEventStatus> retry = new LinkedHashMap<>();
				events.keySet().forEach((entryId) -> {
					observations.get(entryId).error(ex);
					retry.put(entryId, TopicEventStatus.RETRY);
				});
				return retry;
			}
		}
		try {
			Map<String, TopicEventStatus> failed = new LinkedHashMap<>();
			BatchInvocation.EntryFailures failures = (entryId, failure) -> {
				observations.get(entryId).error(failure);
				TopicEventStatus status = this.errorHandler.handleError(failure, endpoint, events.get(entryId));
				failed.put(entryId, status);
				return status;
			};
			Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
			try {
				Map<String, TopicEventStatus> outcome = invocation.invoke(failures);
				events.keySet().forEach((entryId) -> statuses.put(entryId,
						failed.getOrDefault(entryId, outcome.getOrDefault(entryId, TopicEventStatus.SUCCESS))));
			}
			catch (Exception | LinkageError | AssertionError ex) {
				events.forEach((entryId, event) -> statuses.put(entryId,
						failed.containsKey(entryId) ? failed.get(entryId) : failures.fail(entryId, ex)));
			}
			return statuses;
		}
		finally {
			if (semaphore != null) {
				semaphore.release();
			}
		}
	}

	private TopicEventStatus dispatchWithinLimit(TopicEndpoint endpoint, IncomingEvent event,
			Observation observation) {
		Semaphore semaphore = limit(endpoint);
		if (semaphore == null) {
			return invoke(endpoint, event, observation);
		}
		try {
			acquire(semaphore, endpoint);
		}
		catch (NoPermitException ex) {
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

	private @Nullable Semaphore limit(TopicEndpoint endpoint) {
		return (endpoint.concurrency() > 0)
				? this.permits.computeIfAbsent(endpoint, (key) -> new Semaphore(key.concurrency())) : null;
	}

	// A bounded wait: a handler that hangs must not park every delivery thread of the server for ever.
	private void acquire(Semaphore semaphore, TopicEndpoint endpoint) throws NoPermitException {
		try {
			if (!semaphore.tryAcquire(this.concurrencyWait.toNanos(), TimeUnit.NANOSECONDS)) {
				NoPermitException ex = new NoPermitException("All " + endpoint.concurrency()
						+ " concurrent deliveries of " + endpoint.describe() + " stayed busy for " + this.concurrencyWait
						+ " (dapr.messaging.concurrency-wait); asking the sidecar to deliver the event again", null);
				logger.warn(ex.getMessage());
				throw ex;
			}
		}
		catch (InterruptedException ex) {
			// Shutting down: the sidecar should deliver the event again later.
			Thread.currentThread().interrupt();
			throw new NoPermitException("Interrupted while waiting for a free delivery of " + endpoint.describe(), ex);
		}
	}

	private TopicEventStatus invoke(TopicEndpoint endpoint, IncomingEvent event, Observation observation) {
		Message<byte[]> message = EventMessages.toMessage(event.data(), event.attributes(), event.pubsub(),
				event.topic());
		InvocableHandlerMethod handler = handlerMethod(endpoint);
		try {
			Object result = (this.retry != null) ? this.retry.execute(() -> handler.invoke(message))
					: handler.invoke(message);
			return (result instanceof TopicEventStatus status) ? status : TopicEventStatus.SUCCESS;
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			observation.error(last);
			if (ex.getRetryCount() > 0) {
				logger.info(endpoint.describe() + " failed on " + event.describe() + " " + (ex.getRetryCount() + 1)
						+ " times inside the application (dapr.messaging.retry); the error handler decides now");
			}
			return this.errorHandler.handleError(last, endpoint, event);
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

	/** No permit of a handler's concurrency limit became free. */
	private static final class NoPermitException extends Exception {

		NoPermitException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
