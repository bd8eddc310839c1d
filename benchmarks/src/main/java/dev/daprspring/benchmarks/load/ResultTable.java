package dev.daprspring.benchmarks.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints summaries as a fixed-width table.
 */
public final class ResultTable {

	private static final String ROW = "%-14s %7s %8s %15s %8s %8s %9s %10s %12s %6s%n";

	private ResultTable() {
	}

	/**
	 * Prints one row per summary and a line explaining the columns.
	 * @param out where to print
	 * @param summaries the rows
	 */
	public static void print(PrintStream out, List<Summary> summaries) {
		out.printf(Locale.ROOT, ROW, "client", "threads", "ops/s", "min..max", "p50 ms", "p99 ms", "alloc KB",
				"JVM cpu us", "daprd cpu us", "errors");
		for (Summary summary : summaries) {
			out.printf(Locale.ROOT, ROW, summary.client(), summary.threads(),
					format("%.0f", summary.medianOpsPerSecond()),
					format("%.0f..%.0f", summary.minOpsPerSecond(), summary.maxOpsPerSecond()),
					millis(summary.p50Nanos()), millis(summary.p99Nanos()),
					known((summary.bytesPerOperation() >= 0) ? summary.bytesPerOperation() / 1024 : -1), known(summary.jvmCpuMicrosPerOperation()),
					known(summary.sidecarCpuMicrosPerOperation()), summary.errors());
		}
		out.println("ops/s: median of the rounds (min..max: lowest and highest round); p50/p99: latency of one "
				+ "round trip over all rounds;");
		out.println("alloc KB, JVM cpu us, daprd cpu us: heap allocated by the whole JVM and CPU time used by the "
				+ "JVM and by daprd, per round trip");
	}

	/**
	 * Prints the table, then the first error of each client and concurrency that had any.
	 * @param out where to print
	 * @param summaries the rows
	 * @return how many units of work failed in all
	 */
	public static long printWithErrors(PrintStream out, List<Summary> summaries) {
		print(out, summaries);
		long errors = 0;
		for (Summary summary : summaries) {
			errors += summary.errors();
			if (summary.firstError() != null) {
				out.println("first error of " + summary.client() + "@" + summary.threads() + ": "
						+ summary.firstError());
			}
		}
		return errors;
	}

	private static String millis(long nanos) {
		return (nanos >= 0) ? format("%.3f", nanos / 1e6) : "n/a";
	}

	private static String known(double value) {
		return (value >= 0) ? format("%.1f", value) : "n/a";
	}

	private static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

}
