package dev.daprspring.benchmarks.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entities every client uses: each thread cycles through its own ids, with their state
 * keys and values made once so that building them costs no client anything
 * while it is measured.
 */
final class DataIds {

	private static final int PER_THREAD = 100;

	private final String[][] ids;

	private final String[][] keys;

	private final String[][] checkedKeys;

	private final Order[][] orders;

	DataIds(int threads) {
		this.ids = new String[threads][PER_THREAD];
		this.keys = new String[threads][PER_THREAD];
		this.checkedKeys = new String[threads][PER_THREAD];
		this.orders = new Order[threads][PER_THREAD];
		for (int thread = 0; thread < threads; thread++) {
			for (int i = 0; i < PER_THREAD; i++) {
				String id = "bench-" + thread + "-" + i;
				this.ids[thread][i] = id;
				// The template's keys are apart from the repository's, and its first-write saves
				// apart from its plain ones: state.redis refuses a write without an ETag to a key
				// last written with first-write concurrency.
				this.keys[thread][i] = DataBenchmark.KEYSPACE + "-tmpl:" + id;
				this.checkedKeys[thread][i] = DataBenchmark.KEYSPACE + "-2calls:" + id;
				this.orders[thread][i] = Order.sample(id, thread * PER_THREAD + i);
			}
		}
	}

	String id(int thread, long iteration) {
		return this.ids[thread][slot(iteration)];
	}

	String key(int thread, long iteration) {
		return this.keys[thread][slot(iteration)];
	}

	/** The key of the template's first-write saves. */
	String checkedKey(int thread, long iteration) {
		return this.checkedKeys[thread][slot(iteration)];
	}

	/** Every template key with its entity, for saving them before the first slice. */
	Map<String, Order> templateEntries() {
		Map<String, Order> entries = new LinkedHashMap<>();
		for (int thread = 0; thread < this.ids.length; thread++) {
			for (int i = 0; i < PER_THREAD; i++) {
				entries.put(this.keys[thread][i], this.orders[thread][i]);
				entries.put(this.checkedKeys[thread][i], this.orders[thread][i]);
			}
		}
		return entries;
	}

	Order order(int thread, long iteration) {
		return this.orders[thread][slot(iteration)];
	}

	/** Every entity, for saving them all before the first slice. */
	List<Order> all() {
		return Arrays.stream(this.orders).flatMap(Arrays::stream).toList();
	}

	private static int slot(long iteration) {
		return (int) (iteration % PER_THREAD);
	}

}
