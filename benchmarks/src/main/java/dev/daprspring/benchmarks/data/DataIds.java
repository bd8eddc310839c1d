package dev.daprspring.benchmarks.data;

import java.util.Arrays;
import java.util.List;

/**
 * The entities every client uses: each thread cycles through its own ids, with their state
 * keys and values made once so that building them costs no client anything
 * while it is measured.
 */
final class DataIds {

	private static final int PER_THREAD = 100;

	private final String[][] ids;

	private final String[][] keys;

	private final Order[][] orders;

	DataIds(int threads) {
		this.ids = new String[threads][PER_THREAD];
		this.keys = new String[threads][PER_THREAD];
		this.orders = new Order[threads][PER_THREAD];
		for (int thread = 0; thread < threads; thread++) {
			for (int i = 0; i < PER_THREAD; i++) {
				String id = "bench-" + thread + "-" + i;
				this.ids[thread][i] = id;
				this.keys[thread][i] = DataBenchmark.KEYSPACE + ":" + id;
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
