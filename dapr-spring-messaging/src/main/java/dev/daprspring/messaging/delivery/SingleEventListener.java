package dev.daprspring.messaging.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.handler.EventMessages;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * The pipeline of a handler of single events: each event is observed, waits for the
 * handler's concurrency limit, is retried inside the application under the retry policy,
 * and a failure goes to the {@link TopicErrorHandler}. A batch that reaches it is handled
 * one event after the other.
 */
final class SingleEventListener implements TopicEventListener {

	private static final Log logger = LogFactory.getLog(SingleEventListener.class);

	private final TopicEndpoint endpoint;

	private final InvocableHandlerMethod handler;

	private final TopicErrorHandler errorHandler;

	private final Function<IncomingEvent, DeliveryObservation> observations;

	private final ConcurrencyLimit limit;

	private final @Nullable RetryTemplate retry;

	SingleEventListener(TopicEndpoint endpoint, InvocableHandlerMethod handler, TopicErrorHandler errorHandler,
			Function<IncomingEvent, DeliveryObservation> observations, ConcurrencyLimit limit,
			@Nullable RetryTemplate retry) {
		this.endpoint = endpoint;
		this.handler = handler;
		this.errorHandler = errorHandler;
		this.observations = observations;
		this.limit = limit;
		this.retry = retry;
	}

	@Override
	public TopicEventStatus onEvent(IncomingEvent event) {
		DeliveryObservation observation = this.observations.apply(event);
		TopicEventStatus status = null;
		try (Observation.Scope scope = observation.openScope()) {
			status = this.limit.run(() -> handle(event, observation), (busy) -> {
				observation.error(busy);
				return TopicEventStatus.RETRY;
			});
			return status;
		}
		finally {
			observation.stop(status);
		}
	}

	@Override
	public Map<String, TopicEventStatus> onBatch(List<BulkEntry> entries) {
		Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
		entries.forEach((entry) -> statuses.put(entry.entryId(), onEvent(entry.event())));
		return statuses;
	}

	private TopicEventStatus handle(IncomingEvent event, DeliveryObservation observation) {
		Message<byte[]> message = EventMessages.toMessage(event.data(), event.attributes(), event.pubsub(),
				event.topic());
		try {
			Object result = (this.retry != null) ? this.retry.execute(() -> this.handler.invoke(message))
					: this.handler.invoke(message);
			return (result instanceof TopicEventStatus status) ? status : TopicEventStatus.SUCCESS;
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			observation.error(last);
			if (ex.getRetryCount() > 0) {
				logger.info(this.endpoint.describe() + " failed on " + event.describe() + " "
						+ (ex.getRetryCount() + 1)
						+ " times inside the application (dapr.messaging.retry); the error handler decides now");
			}
			return this.errorHandler.handleError(last, this.endpoint, event);
		}
		catch (Exception | LinkageError | AssertionError ex) {
			observation.error(ex);
			return this.errorHandler.handleError(ex, this.endpoint, event);
		}
	}

}
