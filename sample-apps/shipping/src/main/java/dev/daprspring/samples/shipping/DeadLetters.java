package dev.daprspring.samples.shipping;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.messaging.annotation.Topic;
import org.springframework.stereotype.Component;

/**
 * Receives the {@code OrderPaid} events shipping dropped, which the sidecar forwards to
 * topic {@value OrderPaid#DEAD_LETTER_TOPIC}, and keeps them (in memory: a sample) for
 * someone to look at.
 */
@Component
public class DeadLetters {

	private static final Log logger = LogFactory.getLog(DeadLetters.class);

	private final List<String> events = new CopyOnWriteArrayList<>();

	@Topic(name = OrderPaid.DEAD_LETTER_TOPIC)
	void received(String event) {
		logger.warn("Dead letter on " + OrderPaid.DEAD_LETTER_TOPIC + ": " + event);
		this.events.add(event);
	}

	/** The dropped events' data, as JSON, oldest first. */
	public List<String> events() {
		return List.copyOf(this.events);
	}

}
