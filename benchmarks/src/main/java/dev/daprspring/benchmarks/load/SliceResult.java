package dev.daprspring.benchmarks.load;

import org.jspecify.annotations.Nullable;

/**
 * What one client did at one concurrency in one slice of time.
 *
 * @param client the client's name
 * @param threads how many threads called it at once
 * @param operations units of work completed without error
 * @param errors units of work that threw
 * @param nanos how long the slice took
 * @param usage memory and CPU used during the slice
 * @param latencies the latency of each completed unit, in nanoseconds
 * @param firstError the first error, or {@code null}
 */
public record SliceResult(String client, int threads, long operations, long errors, long nanos, Usage usage,
		long[] latencies, @Nullable Throwable firstError) {

	/** Completed units of work per second. */
	public double operationsPerSecond() {
		return this.operations * 1e9 / this.nanos;
	}

}
