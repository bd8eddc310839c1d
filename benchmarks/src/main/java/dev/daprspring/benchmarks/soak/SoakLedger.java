package dev.daprspring.benchmarks.soak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the handler saw: how many times each event id was delivered.
 */
final class SoakLedger {

	private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

	private final LongAdder total = new LongAdder();

	void delivered(String id) {
		this.deliveries.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
		this.total.increment();
	}

	/** How many distinct ids were handled. */
	int distinct() {
		return this.deliveries.size();
	}

	/** How many deliveries there were, repeats included. */
	long total() {
		return this.total.sum();
	}

	boolean contains(String id) {
		return this.deliveries.containsKey(id);
	}

}
