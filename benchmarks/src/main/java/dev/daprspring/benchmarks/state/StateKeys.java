package dev.daprspring.benchmarks.state;

/**
 * The keys every client uses: each thread cycles through its own keys, made once so that
 * building them costs no client anything while it is measured.
 */
final class StateKeys {

	private static final int PER_THREAD = 100;

	private final String[][] keys;

	StateKeys(int threads) {
		this.keys = new String[threads][PER_THREAD];
		for (int thread = 0; thread < threads; thread++) {
			for (int i = 0; i < PER_THREAD; i++) {
				this.keys[thread][i] = "bench-" + thread + "-" + i;
			}
		}
	}

	String key(int thread, long iteration) {
		return this.keys[thread][(int) (iteration % PER_THREAD)];
	}

}
