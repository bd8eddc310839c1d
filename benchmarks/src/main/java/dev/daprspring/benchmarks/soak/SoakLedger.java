package dev.daprspring.benchmarks.soak;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the handler saw: under which CloudEvent ids each event (by its sequence number) was
 * delivered, and how many deliveries there were in all.
 */
final class SoakLedger {

	private final Map<Long, Set<String>> idsBySequence = new ConcurrentHashMap<>();

	private final LongAdder total = new LongAdder();

	void delivered(long sequence, String id) {
		this.idsBySequence.computeIfAbsent(sequence, (key) -> ConcurrentHashMap.newKeySet()).add(id);
		this.total.increment();
	}

	/** How many distinct events were handled. */
	int distinct() {
		return this.idsBySequence.size();
	}

	/** How many deliveries there were, repeats included. */
	long total() {
		return this.total.sum();
	}

	boolean contains(long sequence) {
		return this.idsBySequence.containsKey(sequence);
	}

	/** How many events were delivered under more than one CloudEvent id: duplicates no subscriber could recognise. */
	long renamed() {
		return this.idsBySequence.values().stream().filter((ids) -> ids.size() > 1).count();
	}

}
