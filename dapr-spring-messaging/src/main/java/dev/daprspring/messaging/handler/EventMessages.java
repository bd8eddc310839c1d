package dev.daprspring.messaging.handler;

import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Builds the Spring {@link Message} a handler method is invoked with: the event's data as
 * the payload, its CloudEvent attributes as {@link DaprHeaders}.
 */
public final class EventMessages {

	private EventMessages() {
	}

	/**
	 * The message for an event.
	 * @param data the CloudEvent data or raw payload
	 * @param attributes CloudEvent attributes and extensions by name
	 * @param pubsub the pub/sub component, set as a header when the event does not carry it
	 * @param topic the topic, set as a header when the event does not carry it
	 */
	public static Message<byte[]> toMessage(byte[] data, Map<String, Object> attributes, String pubsub,
			String topic) {
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(data)
			.setHeader(DaprHeaders.PUBSUB, pubsub)
			.setHeader(DaprHeaders.TOPIC, topic);
		attributes.forEach((name, value) -> message.setHeader(DaprHeaders.PREFIX + name, value));
		Object contentType = attributes.get("datacontenttype");
		if (contentType != null) {
			message.setHeader(MessageHeaders.CONTENT_TYPE, contentType.toString());
		}
		return message.build();
	}

}
