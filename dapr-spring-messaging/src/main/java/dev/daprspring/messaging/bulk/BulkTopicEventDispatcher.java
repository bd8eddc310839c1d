package dev.daprspring.messaging.bulk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.messaging.delivery.BatchInvocation;
import dev.daprspring.messaging.delivery.DropMessageException;
import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicErrorHandler;
import dev.daprspring.messaging.delivery.TopicEventDispatcher;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.handler.CloudEventArgumentResolver;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.EventMessages;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.util.ReflectionUtils;

/**
 * Hands a batch to a bulk handler, a method taking {@code List<T>} or
 * {@code List<CloudEvent<T>>}, and answers a status per entry, through the same pipeline
 * as single events ({@link TopicEventDispatcher#dispatchBatch}: observation, concurrency
 * limit, {@link TopicErrorHandler}). An entry whose data cannot be converted goes to the
 * error handler (which drops it by default) and is left out of the list; the others go to
 * the handler. The handler's outcome for them: returning normally (or {@code null}) is
 * {@code SUCCESS} for every entry; a returned {@code List<TopicEventStatus>} gives the
 * statuses in the order of the list it was handed; a returned
 * {@code Map<String, TopicEventStatus>} gives them by CloudEvent id (or entry id), entries
 * it leaves out being {@code SUCCESS}; an exception goes to the error handler for every
 * entry ({@code RETRY} by default, {@code DROP} for a {@link DropMessageException}).
 */
public class BulkTopicEventDispatcher {

	private static final Log logger = LogFactory.getLog(BulkTopicEventDispatcher.class);

	private final CloudEventDataConverter converter;

	private final CloudEventArgumentResolver cloudEvents;

	private final TopicEventDispatcher pipeline;

	/**
	 * @param pipeline the dispatcher of single events, whose observation, concurrency
	 * limits and error handler batches share
	 */
	public BulkTopicEventDispatcher(JsonMapper jsonMapper, TopicEventDispatcher pipeline) {
		this.converter = new CloudEventDataConverter(jsonMapper);
		this.cloudEvents = new CloudEventArgumentResolver(this.converter);
		this.pipeline = pipeline;
	}

	/**
	 * Runs the endpoint's bulk handler on the entries, on the calling thread.
	 * @return the status of every entry by entry id, in the order of the entries
	 */
	public Map<String, TopicEventStatus> dispatch(TopicEndpoint endpoint, List<BulkEntry> entries) {
		Map<String, IncomingEvent> events = new LinkedHashMap<>();
		entries.forEach((entry) -> events.put(entry.entryId(), entry.event()));
		return this.pipeline.dispatchBatch(endpoint, events, (failures) -> convertAndInvoke(endpoint, entries, failures));
	}

	/** Runs the endpoint's bulk handler on a single event that reached it: a batch of one. */
	public TopicEventStatus dispatch(TopicEndpoint endpoint, IncomingEvent event) {
		BulkEntry single = new BulkEntry((event.id() != null) ? event.id() : "", event);
		return dispatch(endpoint, List.of(single)).getOrDefault(single.entryId(), TopicEventStatus.RETRY);
	}

	private Map<String, TopicEventStatus> convertAndInvoke(TopicEndpoint endpoint, List<BulkEntry> entries,
			BatchInvocation.EntryFailures failures) throws Exception {
		// The element parameter: List<X> nested one level is X, so CloudEvent<T> resolves its T.
		MethodParameter element = new MethodParameter(endpoint.method(), 0).nested();
		// Resolved once per batch, not per entry.
		Type type = CloudEvent.class.equals(element.getNestedParameterType()) ? CloudEvent.class
				: ResolvableType.forMethodParameter(element).getType();
		List<BulkEntry> handed = new ArrayList<>();
		List<@Nullable Object> payloads = new ArrayList<>();
		for (BulkEntry entry : entries) {
			try {
				payloads.add(convert(element, type, entry.event()));
				handed.add(entry);
			}
			catch (RuntimeException ex) {
				failures.fail(entry.entryId(), ex);
			}
		}
		if (handed.isEmpty()) {
			return Map.of();
		}
		return statuses(endpoint, handed, invoke(endpoint, payloads));
	}

	private @Nullable Object convert(MethodParameter element, Type type, IncomingEvent event) {
		Message<byte[]> message = EventMessages.toMessage(event.data(), event.attributes(), event.pubsub(),
				event.topic());
		if (type == CloudEvent.class) {
			return this.cloudEvents.resolveArgument(element, message);
		}
		return this.converter.read(message, type);
	}

	private static @Nullable Object invoke(TopicEndpoint endpoint, List<@Nullable Object> payloads)
			throws Exception {
		Method method = endpoint.method();
		ReflectionUtils.makeAccessible(method);
		try {
			// A payload may be null (an event without data), which List.copyOf would refuse.
			return method.invoke(endpoint.bean(), Collections.unmodifiableList(payloads));
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

	private static Map<String, TopicEventStatus> statuses(TopicEndpoint endpoint, List<BulkEntry> handed,
			@Nullable Object result) {
		if (result instanceof List<?> list) {
			if (list.size() != handed.size() || !list.stream().allMatch(TopicEventStatus.class::isInstance)) {
				logger.warn(endpoint.describe() + " returned " + list.size() + " value(s) for a batch of "
						+ handed.size() + "; a List result needs one TopicEventStatus per event, in order, so every "
						+ "event is retried");
				return all(handed, TopicEventStatus.RETRY);
			}
			Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
			for (int i = 0; i < handed.size(); i++) {
				statuses.put(handed.get(i).entryId(), (TopicEventStatus) list.get(i));
			}
			return statuses;
		}
		if (result instanceof Map<?, ?> map) {
			Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
			for (BulkEntry entry : handed) {
				Object status = map.get(entry.entryId());
				if (status == null && entry.event().id() != null) {
					status = map.get(entry.event().id());
				}
				statuses.put(entry.entryId(),
						(status instanceof TopicEventStatus given) ? given : TopicEventStatus.SUCCESS);
			}
			return statuses;
		}
		return all(handed, TopicEventStatus.SUCCESS);
	}

	private static Map<String, TopicEventStatus> all(List<BulkEntry> entries, TopicEventStatus status) {
		Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
		entries.forEach((entry) -> statuses.put(entry.entryId(), status));
		return statuses;
	}

}
