package dev.daprspring.benchmarks.mixed;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

import dev.daprspring.benchmarks.load.HarnessOptions;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;

/**
 * A fixed-rate mix of calls (in every 10: 4 state reads, 3 state writes, 2 publishes, 1
 * service invocation) against one daprd on loopback, for a bounded time, through
 * {@code DaprTemplate} and through the official SDK in turns. Reports p50/p99 latency and
 * errors per client and operation. Run with {@code benchmarks/run load}.
 */
public final class MixedLoadBenchmark {

	private MixedLoadBenchmark() {
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("rate", "200");
		defaults.put("duration", "15");
		defaults.put("rounds", "2");
		defaults.put("warmup", "5");
		defaults.put("threads", "64");
		return defaults;
	}

	public static void main(String[] args) throws Exception {
		HarnessOptions options;
		try {
			options = HarnessOptions.parse(defaults(), args);
			options.number("rate");
			options.seconds("duration");
			options.number("rounds");
			options.seconds("warmup");
			options.number("threads");
		}
		catch (IllegalArgumentException ex) {
			System.err.println("benchmarks/run load: " + ex.getMessage());
			System.exit(2);
			return;
		}
		System.exit(run(options, System.out));
	}

	static int run(HarnessOptions options, PrintStream out) throws Exception {
		int rate = options.number("rate");
		Duration duration = options.seconds("duration");
		ExecutorService pool = Executors.newFixedThreadPool(options.number("threads"));
		try (EchoApp app = EchoApp.start();
				DaprSidecar dapr = DaprSidecar.builder("load")
					.component(DaprComponents.inMemoryState(MixedClient.STORE))
					.component(DaprComponents.inMemoryPubSub(MixedClient.PUBSUB))
					.appPort(app.port())
					.logLevel("warn")
					.start();
				MixedClient template = new TemplateMixedClient(dapr);
				MixedClient official = new OfficialMixedClient(dapr)) {
			List<MixedClient> clients = List.of(template, official);
			out.printf(Locale.ROOT,
					"daprd at %s (state.in-memory, pubsub.in-memory, invocations of an echo app); %d calls/s for "
							+ "%s s per client and round, %d rounds, %d threads; Java %s, %d cores%n",
					dapr.grpcEndpoint(), rate, seconds(duration), options.number("rounds"), options.number("threads"),
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
			for (MixedClient client : clients) {
				FixedRateRun.run(client, rate, options.seconds("warmup"), pool);
			}
			Map<String, List<FixedRateRun>> runs = new LinkedHashMap<>();
			for (int round = 0; round < options.number("rounds"); round++) {
				// Alternate who goes first, so neither always runs on a machine warmed by the other.
				List<MixedClient> order = new ArrayList<>(clients);
				if (round % 2 == 1) {
					Collections.reverse(order);
				}
				for (MixedClient client : order) {
					System.gc();
					runs.computeIfAbsent(client.name(), (name) -> new ArrayList<>())
						.add(FixedRateRun.run(client, rate, duration, pool));
				}
			}
			return report(out, runs, rate, duration);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static int report(PrintStream out, Map<String, List<FixedRateRun>> runs, int rate, Duration duration) {
		out.println();
		out.printf("%-10s %-11s %8s %9s %9s %7s%n", "client", "operation", "calls", "p50 ms", "p99 ms", "errors");
		List<String> summary = new ArrayList<>();
		int errors = 0;
		for (Map.Entry<String, List<FixedRateRun>> entry : runs.entrySet()) {
			List<@Nullable Operation> rows = new ArrayList<>(List.of(Operation.values()));
			rows.add(null);
			for (Operation operation : rows) {
				long[] latencies = merged(entry.getValue(), operation);
				int failed = entry.getValue().stream().mapToInt((run) -> run.errors(operation)).sum();
				out.printf(Locale.ROOT, "%-10s %-11s %8d %9.3f %9.3f %7d%n", entry.getKey(),
						(operation != null) ? operation.name().toLowerCase(Locale.ROOT) : "all", latencies.length,
						millis(latencies, 0.50), millis(latencies, 0.99), failed);
				if (operation == null) {
					errors += failed;
					summary.add(String.format(Locale.ROOT, "%s p50=%.3fms p99=%.3fms errors=%d", entry.getKey(),
							millis(latencies, 0.50), millis(latencies, 0.99), failed));
				}
			}
			for (FixedRateRun run : entry.getValue()) {
				if (run.firstError() != null) {
					out.println("first error of " + entry.getKey() + ": " + run.firstError());
					break;
				}
			}
		}
		out.printf(Locale.ROOT, "LOAD rate=%d/s duration=%ss %s%n", rate, seconds(duration),
				String.join(" | ", summary));
		return (errors > 0) ? 1 : 0;
	}

	private static long[] merged(List<FixedRateRun> runs, @Nullable Operation operation) {
		long[] all = new long[0];
		for (FixedRateRun run : runs) {
			long[] values = run.sorted(operation);
			long[] merged = Arrays.copyOf(all, all.length + values.length);
			System.arraycopy(values, 0, merged, all.length, values.length);
			all = merged;
		}
		Arrays.sort(all);
		return all;
	}

	private static double millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
	}

}
