package dev.daprspring.benchmarks.state;

import org.jspecify.annotations.Nullable;

import dev.daprspring.benchmarks.load.BenchmarkClient;

/**
 * One round trip, the same for every client: save {@link Order#SAMPLE} under a key, read
 * it back as an {@link Order}, and check that it is what was saved.
 */
abstract class StateClient implements BenchmarkClient {

	static final String STORE = "statestore";

	private final String name;

	private final StateKeys keys;

	StateClient(String name, StateKeys keys) {
		this.name = name;
		this.keys = keys;
	}

	@Override
	public final String name() {
		return this.name;
	}

	@Override
	public final void run(int thread, long iteration) throws Exception {
		String key = this.keys.key(thread, iteration);
		save(key, Order.SAMPLE);
		Order read = get(key);
		if (!Order.SAMPLE.equals(read)) {
			throw new IllegalStateException(
					this.name + " read back " + read + " for key '" + key + "'; expected " + Order.SAMPLE);
		}
	}

	/** Saves a value under a key in {@link #STORE}. */
	protected abstract void save(String key, Order value) throws Exception;

	/** Reads the value under a key in {@link #STORE}, or {@code null}. */
	protected abstract @Nullable Order get(String key) throws Exception;

}
