package dev.daprspring.boot.autoconfigure.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * What the test handlers received, by topic.
 */
class Received {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private final Map<String, BlockingQueue<Object>> byTopic = new ConcurrentHashMap<>();

	void add(String topic, Object value) {
		queue(topic).add(value);
	}

	/** The next value a handler of the topic received; fails after a while without one. */
	@SuppressWarnings("unchecked")
	<T> T next(String topic) throws InterruptedException {
		Object value = queue(topic).poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		if (value == null) {
			fail("No event reached a handler of topic '" + topic + "' within " + PATIENCE);
		}
		return (T) value;
	}

	private BlockingQueue<Object> queue(String topic) {
		return this.byTopic.computeIfAbsent(topic, (key) -> new LinkedBlockingQueue<>());
	}

}
