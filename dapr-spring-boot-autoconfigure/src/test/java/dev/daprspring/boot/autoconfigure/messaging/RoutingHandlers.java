package dev.daprspring.boot.autoconfigure.messaging;

import dev.daprspring.messaging.annotation.Topic;

/**
 * Three handlers of one topic: two rules (a catch-all rule with a higher priority number
 * is tried after the square rule) and a default.
 */
class RoutingHandlers {

	private final Received received;

	RoutingHandlers(Received received) {
		this.received = received;
	}

	@Topic(name = "shapes", match = "event.type == \"circle\"", priority = "0")
	void circle(Order order) {
		this.received.add("circles", order);
	}

	@Topic(name = "shapes", match = "event.type == \"square\"", priority = "1")
	void square(Order order) {
		this.received.add("squares", order);
	}

	@Topic(name = "shapes")
	void other(Order order) {
		this.received.add("other-shapes", order);
	}

}
