package dev.daprspring.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slices measured so far, grouped by client and concurrency, summarised by the median
 * round so that one disturbed slice does not move the result.
 */
public final class Measurements {

	private final Map<String, List<SliceResult>> slices = new LinkedHashMap<>();

	void add(SliceResult result) {
		this.slices.computeIfAbsent(key(result.client(), result.threads()), (key) -> new ArrayList<>()).add(result);
	}

	/** One summary per client and concurrency, in the order first measured. */
	public List<Summary> summaries() {
		return this.slices.values().stream().map(Measurements::summarise).toList();
	}

	/**
	 * The summary of one client at one concurrency.
	 * @throws IllegalArgumentException if that was not measured
	 */
	public Summary summary(String client, int threads) {
		List<SliceResult> results = this.slices.get(key(client, threads));
		if (results == null) {
			throw new IllegalArgumentException(client + " was not measured at " + threads + " threads");
		}
		return summarise(results);
	}

	private static Summary summarise(List<SliceResult> results) {
		double[] throughputs = results.stream().mapToDouble(SliceResult::operationsPerSecond).sorted().toArray();
		long operations = results.stream().mapToLong(SliceResult::operations).sum();
		long errors = results.stream().mapToLong(SliceResult::errors).sum();
		Usage usage = results.stream().map(SliceResult::usage).reduce(Usage::plus).orElseThrow();
		long[] latencies = results.stream().map(SliceResult::latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		SliceResult first = results.get(0);
		return new Summary(first.client(), first.threads(), median(throughputs), throughputs[0],
				throughputs[throughputs.length - 1], percentile(latencies, 0.50), percentile(latencies, 0.99),
				operations, errors, usage,
				results.stream().map(SliceResult::firstError).filter((e) -> e != null).findFirst().orElse(null));
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static long percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return -1;
		}
		int index = (int) Math.ceil(fraction * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static String key(String client, int threads) {
		return client + "@" + threads;
	}

}
