package dev.daprspring.benchmarks.workflows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.daprspring.benchmarks.load.SliceResult;

/** The measured slices, by client, workload and concurrency. */
final class WorkflowResults {

	private final Map<String, List<SliceResult>> slices = new LinkedHashMap<>();

	void add(String client, Workload workload, SliceResult result) {
		this.slices.computeIfAbsent(key(client, workload, result.threads()), (key) -> new ArrayList<>()).add(result);
	}

	/**
	 * One client, workload and concurrency over all rounds.
	 * @throws IllegalArgumentException if that was not measured
	 */
	Row row(String client, Workload workload, int threads) {
		List<SliceResult> results = this.slices.get(key(client, workload, threads));
		if (results == null) {
			throw new IllegalArgumentException(client + " " + workload.label() + " was not measured at " + threads);
		}
		return new Row(results);
	}

	private static String key(String client, Workload workload, int threads) {
		return client + " " + workload + "@" + threads;
	}

	/** The median round and the latencies of all rounds of one client, workload and concurrency. */
	static final class Row {

		final double median;

		final double min;

		final double max;

		final long operations;

		final long errors;

		/** Bytes allocated by the JVM, or -1 if unknown. */
		final long allocated;

		/** CPU time of this JVM, or -1 if unknown. */
		final long jvmCpu;

		/** CPU time of daprd, or -1 if unknown. */
		final long sidecarCpu;

		final @Nullable Throwable firstError;

		private final long[] latencies;

		Row(List<SliceResult> results) {
			double[] rates = results.stream().mapToDouble(SliceResult::operationsPerSecond).sorted().toArray();
			int middle = rates.length / 2;
			this.median = (rates.length % 2 == 1) ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2;
			this.min = rates[0];
			this.max = rates[rates.length - 1];
			this.latencies = results.stream().map(SliceResult::latencies).flatMapToLong(Arrays::stream).sorted().toArray();
			this.operations = results.stream().mapToLong(SliceResult::operations).sum();
			this.errors = results.stream().mapToLong(SliceResult::errors).sum();
			this.allocated = sum(results.stream().map((result) -> result.usage().allocatedBytes()));
			this.jvmCpu = sum(results.stream().map((result) -> result.usage().jvmCpuNanos()));
			this.sidecarCpu = sum(results.stream().map((result) -> result.usage().sidecarCpuNanos()));
			this.firstError = results.stream()
				.map(SliceResult::firstError)
				.filter((error) -> error != null)
				.findFirst()
				.orElse(null);
		}

		private static long sum(Stream<Long> values) {
			return values.reduce(0L, (a, b) -> (a < 0 || b < 0) ? -1 : a + b);
		}

		/** The latency below which this fraction of the workflows completed, in nanoseconds; -1 if none. */
		long percentile(double fraction) {
			if (this.latencies.length == 0) {
				return -1;
			}
			int index = (int) Math.ceil(fraction * this.latencies.length) - 1;
			return this.latencies[Math.max(0, Math.min(this.latencies.length - 1, index))];
		}

	}

}
