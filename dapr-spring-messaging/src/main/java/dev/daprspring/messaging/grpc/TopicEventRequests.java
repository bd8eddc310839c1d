package dev.daprspring.messaging.grpc;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventBulkRequestEntry;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventCERequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicEventStatus;

/**
 * Turns an event the sidecar sends over gRPC (to {@code AppCallback} or on a streaming
 * subscription) into an {@link IncomingEvent}: the data as it is, the envelope's fields
 * and extensions as attributes.
 */
public final class TopicEventRequests {

	private TopicEventRequests() {
	}

	/** The event of a request, for the given pub/sub and topic. */
	public static IncomingEvent toEvent(TopicEventRequest event, String pubsub, String topic) {
		Map<String, Object> attributes = attributes(event.getExtensions(), event.getId(), event.getSource(),
				event.getType(), event.getSpecVersion(), event.getDataContentType());
		putIfSet(attributes, "topic", event.getTopic());
		putIfSet(attributes, "pubsubname", event.getPubsubName());
		return new IncomingEvent(pubsub, topic, event.getData().toByteArray(), attributes);
	}

	/**
	 * The event of a bulk entry: a CloudEvent, or the published bytes as they are for a raw
	 * subscription.
	 */
	public static IncomingEvent toEvent(TopicEventBulkRequestEntry entry, String pubsub, String topic) {
		if (!entry.hasCloudEvent()) {
			return new IncomingEvent(pubsub, topic, entry.getBytes().toByteArray(), Map.of());
		}
		TopicEventCERequest event = entry.getCloudEvent();
		Map<String, Object> attributes = attributes(event.getExtensions(), event.getId(), event.getSource(),
				event.getType(), event.getSpecVersion(), event.getDataContentType());
		attributes.putIfAbsent("topic", topic);
		attributes.putIfAbsent("pubsubname", pubsub);
		return new IncomingEvent(pubsub, topic, event.getData().toByteArray(), attributes);
	}

	/** The answer to the sidecar for a delivery's outcome. */
	public static TopicEventResponseStatus responseStatus(TopicEventStatus status) {
		return switch (status) {
			case SUCCESS -> TopicEventResponseStatus.SUCCESS;
			case RETRY -> TopicEventResponseStatus.RETRY;
			case DROP -> TopicEventResponseStatus.DROP;
		};
	}

	// The two request types carry the same CloudEvent fields without sharing a message type.
	private static Map<String, Object> attributes(Struct extensions, String id, String source, String type,
			String specVersion, String dataContentType) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		extensions.getFieldsMap().forEach((name, value) -> {
			Object converted = value(value);
			if (converted != null) {
				attributes.put(name, converted);
			}
		});
		putIfSet(attributes, "id", id);
		putIfSet(attributes, "source", source);
		putIfSet(attributes, "type", type);
		putIfSet(attributes, "specversion", specVersion);
		putIfSet(attributes, "datacontenttype", dataContentType);
		return attributes;
	}

	private static void putIfSet(Map<String, Object> attributes, String name, String value) {
		if (!value.isEmpty()) {
			attributes.put(name, value);
		}
	}

	private static @Nullable Object value(Value value) {
		return switch (value.getKindCase()) {
			case STRING_VALUE -> value.getStringValue();
			case NUMBER_VALUE -> value.getNumberValue();
			case BOOL_VALUE -> value.getBoolValue();
			case STRUCT_VALUE -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				value.getStructValue().getFieldsMap().forEach((name, field) -> {
					Object converted = value(field);
					if (converted != null) {
						fields.put(name, converted);
					}
				});
				yield fields;
			}
			case LIST_VALUE -> value.getListValue().getValuesList().stream().map(TopicEventRequests::value).toList();
			default -> null;
		};
	}

}
