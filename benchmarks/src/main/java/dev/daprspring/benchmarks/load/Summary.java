package dev.daprspring.benchmarks.load;

import org.jspecify.annotations.Nullable;

/**
 * One client at one concurrency over all rounds.
 *
 * @param client the client's name
 * @param threads how many threads called it at once
 * @param medianOpsPerSecond the median of the rounds' throughputs
 * @param minOpsPerSecond the lowest round's throughput
 * @param maxOpsPerSecond the highest round's throughput
 * @param p50Nanos the median latency of one unit of work over all rounds
 * @param p99Nanos the 99th percentile latency over all rounds
 * @param operations units completed over all rounds
 * @param errors units that failed over all rounds
 * @param usage memory and CPU used over all rounds
 * @param firstError the first failure, or {@code null}
 */
public record Summary(String client, int threads, double medianOpsPerSecond, double minOpsPerSecond,
		double maxOpsPerSecond, long p50Nanos, long p99Nanos, long operations, long errors, Usage usage,
		@Nullable Throwable firstError) {

	/** Bytes the whole JVM allocated per completed unit, or -1 when unknown. */
	public double bytesPerOperation() {
		return perOperation(this.usage.allocatedBytes());
	}

	/** Microseconds of this JVM's CPU per completed unit, or -1 when unknown. */
	public double jvmCpuMicrosPerOperation() {
		return micros(perOperation(this.usage.jvmCpuNanos()));
	}

	/** Microseconds of the sidecar's CPU per completed unit, or -1 when unknown. */
	public double sidecarCpuMicrosPerOperation() {
		return micros(perOperation(this.usage.sidecarCpuNanos()));
	}

	private double perOperation(long total) {
		return (total >= 0 && this.operations > 0) ? (double) total / this.operations : -1;
	}

	private static double micros(double nanos) {
		return (nanos >= 0) ? nanos / 1000 : -1;
	}

}
