package dev.daprspring.messaging.delivery;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.handler.CloudEventArgumentResolver;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.EventMessages;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.util.ReflectionUtils;

/**
 * The pipeline of a bulk handler, a method taking {@code List<T>} or
 * {@code List<CloudEvent<T>>}: each event of a batch is observed (continuing its own
 * publisher's trace; the handler runs in the scope of the first event's observation), the
 * batch takes one permit of the handler's concurrency limit, and the handler's outcome
 * becomes a status per entry ({@link BatchResults}). An entry whose data cannot be
 * converted goes to the {@link TopicErrorHandler} (which drops it by default) and is left
 * out of the list; when the handler fails on the batch, the error handler decides the
 * status of every entry. A single event that reaches it is a batch of one.
 */
final class BatchEventListener implements TopicEventListener {

	private final TopicEndpoint endpoint;

	private final CloudEventDataConverter converter;

	private final CloudEventArgumentResolver cloudEvents;

	private final TopicErrorHandler errorHandler;

	private final Function<IncomingEvent, DeliveryObservation> observations;

	private final ConcurrencyLimit limit;

	// The element parameter: List<X> nested one level is X, so CloudEvent<T> resolves its T.
	private final MethodParameter element;

	private final Type elementType;

	BatchEventListener(TopicEndpoint endpoint, CloudEventDataConverter converter, TopicErrorHandler errorHandler,
			Function<IncomingEvent, DeliveryObservation> observations, ConcurrencyLimit limit) {
		this.endpoint = endpoint;
		this.converter = converter;
		this.cloudEvents = new CloudEventArgumentResolver(converter);
		this.errorHandler = errorHandler;
		this.observations = observations;
		this.limit = limit;
		this.element = new MethodParameter(endpoint.method(), 0).nested();
		this.elementType = CloudEvent.class.equals(this.element.getNestedParameterType()) ? CloudEvent.class
				: ResolvableType.forMethodParameter(this.element).getType();
	}

	@Override
	public TopicEventStatus onEvent(IncomingEvent event) {
		BulkEntry single = new BulkEntry((event.id() != null) ? event.id() : "", event);
		return onBatch(List.of(single)).getOrDefault(single.entryId(), TopicEventStatus.RETRY);
	}

	@Override
	public Map<String, TopicEventStatus> onBatch(List<BulkEntry> entries) {
		Map<String, IncomingEvent> events = new LinkedHashMap<>();
		entries.forEach((entry) -> events.put(entry.entryId(), entry.event()));
		Map<String, DeliveryObservation> observations = new LinkedHashMap<>();
		events.forEach((entryId, event) -> observations.put(entryId, this.observations.apply(event)));
		Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
		Observation.Scope scope = observations.isEmpty() ? null
				: observations.values().iterator().next().openScope();
		try {
			statuses.putAll(this.limit.run(() -> handle(entries, events, observations), (busy) -> {
				Map<String, TopicEventStatus> retry = new LinkedHashMap<>();
				events.keySet().forEach((entryId) -> {
					observations.get(entryId).error(busy);
					retry.put(entryId, TopicEventStatus.RETRY);
				});
				return retry;
			}));
		}
		finally {
			if (scope != null) {
				scope.close();
			}
			events.keySet().forEach((entryId) -> {
				TopicEventStatus status = statuses.getOrDefault(entryId, TopicEventStatus.SUCCESS);
				statuses.put(entryId, status);
				observations.get(entryId).stop(status);
			});
		}
		return statuses;
	}

	private Map<String, TopicEventStatus> handle(List<BulkEntry> entries, Map<String, IncomingEvent> events,
			Map<String, DeliveryObservation> observations) {
		Map<String, TopicEventStatus> failed = new LinkedHashMap<>();
		BiFunction<String, Throwable, TopicEventStatus> fail = (entryId, failure) -> {
			observations.get(entryId).error(failure);
			TopicEventStatus status = this.errorHandler.handleError(failure, this.endpoint, events.get(entryId));
			failed.put(entryId, status);
			return status;
		};
		Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
		try {
			Map<String, TopicEventStatus> outcome = convertAndCall(entries, fail);
			events.keySet().forEach((entryId) -> statuses.put(entryId,
					failed.getOrDefault(entryId, outcome.getOrDefault(entryId, TopicEventStatus.SUCCESS))));
		}
		catch (Exception | LinkageError | AssertionError ex) {
			events.keySet().forEach((entryId) -> statuses.put(entryId,
					failed.containsKey(entryId) ? failed.get(entryId) : fail.apply(entryId, ex)));
		}
		return statuses;
	}

	private Map<String, TopicEventStatus> convertAndCall(List<BulkEntry> entries,
			BiFunction<String, Throwable, TopicEventStatus> fail) throws Exception {
		List<BulkEntry> handed = new ArrayList<>();
		List<@Nullable Object> payloads = new ArrayList<>();
		for (BulkEntry entry : entries) {
			try {
				payloads.add(convert(entry.event()));
				handed.add(entry);
			}
			catch (RuntimeException ex) {
				fail.apply(entry.entryId(), ex);
			}
		}
		if (handed.isEmpty()) {
			return Map.of();
		}
		return BatchResults.statuses(this.endpoint, handed, call(payloads));
	}

	private @Nullable Object convert(IncomingEvent event) {
		Message<byte[]> message = EventMessages.toMessage(event.data(), event.attributes(), event.pubsub(),
				event.topic());
		if (this.elementType == CloudEvent.class) {
			return this.cloudEvents.resolveArgument(this.element, message);
		}
		return this.converter.read(message, this.elementType);
	}

	private @Nullable Object call(List<@Nullable Object> payloads) throws Exception {
		Method method = this.endpoint.method();
		ReflectionUtils.makeAccessible(method);
		try {
			// A payload may be null (an event without data), which List.copyOf would refuse.
			return method.invoke(this.endpoint.bean(), Collections.unmodifiableList(payloads));
		}
		catch (InvocationTargetException ex) {
			// The handler's own failure, for the error handler to classify.
			Throwable failure = (ex.getCause() != null) ? ex.getCause() : ex;
			if (failure instanceof Exception exception) {
				throw exception;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
