package dev.daprspring.benchmarks.actors;

import org.springframework.util.Assert;

/**
 * The actor ids every client calls: each thread cycles through its own share of them, so
 * no two threads call the same id at once and the sidecar's one-call-per-id lock never
 * makes one wait for another. Made once, so building them costs no client anything.
 */
final class ActorIds {

	/** How many ids there are. */
	static final int COUNT = 256;

	private final String[] ids = new String[COUNT];

	private final int perThread;

	/**
	 * @param threads the most threads that call at once
	 */
	ActorIds(int threads) {
		Assert.isTrue(threads <= COUNT, () -> "At most " + COUNT + " threads; got " + threads);
		for (int i = 0; i < COUNT; i++) {
			this.ids[i] = "echo-" + i;
		}
		this.perThread = COUNT / threads;
	}

	/** The id this thread calls in this iteration. */
	int index(int thread, long iteration) {
		return thread * this.perThread + (int) (iteration % this.perThread);
	}

	String id(int index) {
		return this.ids[index];
	}

}
