package dev.daprspring.benchmarks.pubsub;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the messages a subscriber received, so a round can wait until all have arrived.
 */
public final class Deliveries {

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	/** Counts one received message. */
	public void received() {
		this.count.incrementAndGet();
	}

	/** Counts a message whose data was not the expected order. */
	public void failed() {
		this.failures.incrementAndGet();
	}

	/** Messages received so far. */
	public long count() {
		return this.count.get();
	}

	/** Messages that could not be read. */
	public long failures() {
		return this.failures.get();
	}

	/**
	 * Waits until {@code target} messages have arrived.
	 * @return whether they arrived within the timeout
	 */
	public boolean await(long target, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.count.get() < target) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(1);
		}
		return true;
	}

}
