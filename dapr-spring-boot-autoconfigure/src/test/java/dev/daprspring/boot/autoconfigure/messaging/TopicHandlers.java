package dev.daprspring.boot.autoconfigure.messaging;

import java.util.List;

import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.delivery.DropMessageException;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import dev.daprspring.messaging.handler.DaprHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;

/**
 * Handlers every delivery mode runs: one topic each, no match rules.
 */
class TopicHandlers {

	private final Received received;

	TopicHandlers(Received received) {
		this.received = received;
	}

	@Topic(name = "${test.topics.orders}")
	void order(Order order) {
		this.received.add("orders", order);
	}

	@Topic(name = "texts")
	void text(String text) {
		this.received.add("texts", text);
	}

	@Topic(name = "bytes")
	void bytes(byte[] bytes) {
		this.received.add("bytes", bytes);
	}

	@Topic(name = "events")
	void event(CloudEvent<Order> event) {
		this.received.add("events", event);
	}

	@Topic(name = "raw-readings", rawPayload = "true")
	void raw(byte[] reading) {
		this.received.add("raw-readings", reading);
	}

	@Topic(name = "batches")
	void message(Message<List<Order>> message, @Header(DaprHeaders.TYPE) String type) {
		this.received.add("batches", message);
		this.received.add("batches-type", type);
	}

	@Topic(name = "rejects", deadLetterTopic = "rejects-dead")
	void reject(Order order) {
		throw new DropMessageException("order " + order.id() + " can never be shipped");
	}

	@Topic(name = "declines", deadLetterTopic = "rejects-dead")
	TopicEventStatus decline(Order order) {
		return TopicEventStatus.DROP;
	}

	@Topic(name = "rejects-dead")
	void deadLetter(CloudEvent<Order> event) {
		this.received.add("rejects-dead", event);
	}

	@Topic(name = "strict", deadLetterTopic = "strict-dead")
	void strict(Order order) {
		this.received.add("strict", order);
	}

	@Topic(name = "strict-dead")
	void strictDeadLetter(String data) {
		this.received.add("strict-dead", data);
	}

}
