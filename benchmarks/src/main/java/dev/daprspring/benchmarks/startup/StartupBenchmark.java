package dev.daprspring.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daprspring.benchmarks.load.HarnessOptions;
import dev.daprspring.benchmarks.startup.app.StartupApp;
import org.jspecify.annotations.Nullable;

/**
 * Startup time and idle memory of {@link StartupApp} (a servlet application with one
 * controller), each run a JVM of its own: without {@code dapr-spring-boot-starter}, with it
 * and {@code dapr.sidecar.launch=never}, and with it and {@code dapr.sidecar.launch=always}
 * (daprd started and ready before the application is). The variants are interleaved, their
 * order rotating from round to round. Run with {@code benchmarks/run startup}, which passes
 * the two classpaths (system properties {@code startup.classpath.without} and
 * {@code startup.classpath.with}, each a file holding a classpath).
 */
public final class StartupBenchmark {

	private static final Map<String, String> DEFAULTS = defaults();

	private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

	private static final Pattern DAPRD_STARTED = Pattern.compile("Started daprd for app '[^']*' in (\\d+) ms");

	private static final long RUN_TIMEOUT_SECONDS = 120;

	private static final double MB = 1024;

	private StartupBenchmark() {
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("runs", "10");
		defaults.put("warmup", "1");
		defaults.put("variants", "without,never,always");
		defaults.put("steps", "0");
		defaults.put("jvm-args", "");
		return defaults;
	}

	public static void main(String[] args) throws Exception {
		HarnessOptions options;
		try {
			options = HarnessOptions.parse(DEFAULTS, args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("benchmarks/run startup: " + ex.getMessage());
			System.exit(2);
			return;
		}
		System.exit(run(options, System.out));
	}

	/**
	 * Runs the benchmark and prints the results.
	 * @return the exit status: 0, 1 when a run failed, 2 for unusable arguments
	 */
	static int run(HarnessOptions options, PrintStream out) throws Exception {
		String withoutStarter;
		String withStarter;
		List<Variant> variants = new ArrayList<>();
		List<String> jvmArgs;
		int runs;
		int warmup;
		int steps;
		try {
			String classes = Path.of(StartupApp.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
			withoutStarter = classes + ":" + classpath("startup.classpath.without");
			withStarter = classes + ":" + classpath("startup.classpath.with");
			for (String name : options.text("variants").split(",")) {
				variants.add(Variant.named(name.trim(), withoutStarter, withStarter));
			}
			jvmArgs = options.text("jvm-args").isBlank() ? List.of()
					: Arrays.asList(options.text("jvm-args").split(","));
			runs = options.number("runs");
			warmup = options.count("warmup");
			steps = options.count("steps");
		}
		catch (IllegalArgumentException | IOException ex) {
			System.err.println("benchmarks/run startup: " + ex.getMessage());
			return 2;
		}
		out.printf(Locale.ROOT, "java %s, %d cores, %d measured rounds after %d warm-up, variants %s, JVM options %s%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs, warmup,
				variants.stream().map(Variant::label).toList(), jvmArgs.isEmpty() ? "(none)" : jvmArgs);
		out.println("load average before: " + loadAverage());
		Map<Variant, List<Result>> results = new LinkedHashMap<>();
		variants.forEach((variant) -> results.put(variant, new ArrayList<>()));
		for (int round = 0; round < warmup + runs; round++) {
			boolean counted = round >= warmup;
			List<String> line = new ArrayList<>();
			for (int i = 0; i < variants.size(); i++) {
				Variant variant = variants.get((round + i) % variants.size());
				Result result = runOnce(variant, jvmArgs, 0, null);
				if (result == null) {
					return 1;
				}
				if (counted) {
					results.get(variant).add(result);
				}
				line.add(String.format(Locale.ROOT, "%s=%dms", variant.label(), result.readyMillis()));
			}
			out.printf(Locale.ROOT, "%s %d: %s%n", counted ? "round" : "warm-up", counted ? round - warmup + 1 : round + 1,
					String.join(" ", line));
		}
		out.println("load average after: " + loadAverage());
		out.println();
		report(out, results);
		for (int i = 0; i < variants.size() && steps > 0; i++) {
			out.println();
			out.println("Longest startup steps of one recorded run (BufferingApplicationStartup), " + variants.get(i).label()
					+ ":");
			if (runOnce(variants.get(i), jvmArgs, steps, out) == null) {
				return 1;
			}
		}
		return 0;
	}

	private static String classpath(String property) throws IOException {
		String file = System.getProperty(property);
		if (file == null) {
			throw new IllegalArgumentException("system property " + property + " (a classpath file) is not set");
		}
		return Files.readString(Path.of(file)).trim();
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	// One JVM from start to exit; null when it failed (its last lines are printed).
	private static @Nullable Result runOnce(Variant variant, List<String> jvmArgs, int steps, @Nullable PrintStream stepsOut)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		if (steps > 0) {
			command.add("-Dstartup.steps=" + steps);
		}
		command.add("-cp");
		command.add(variant.classpath());
		command.add(StartupApp.class.getName());
		command.add("--server.port=0");
		command.add("--spring.application.name=startup");
		command.add("--spring.main.banner-mode=off");
		if (variant.launch() != null) {
			command.add("--dapr.sidecar.launch=" + variant.launch());
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		long started = System.nanoTime();
		Process process = builder.start();
		Deque<String> tail = new ArrayDeque<>();
		Map<String, Long> fields = new LinkedHashMap<>();
		long wallMillis = -1;
		long daprdMillis = -1;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (tail.size() == 40) {
					tail.removeFirst();
				}
				tail.addLast(line);
				Matcher daprd = DAPRD_STARTED.matcher(line);
				if (daprd.find()) {
					daprdMillis = Long.parseLong(daprd.group(1));
				}
				int at = line.indexOf(StartupApp.PREFIX);
				if (at < 0) {
					continue;
				}
				String report = line.substring(at + StartupApp.PREFIX.length());
				if (report.startsWith("ready ")) {
					wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				}
				if (report.startsWith("step ") && stepsOut != null) {
					stepsOut.println("  " + report.substring("step ".length()));
				}
				Matcher field = FIELD.matcher(report);
				while (field.find()) {
					fields.putIfAbsent(field.group(1), Long.parseLong(field.group(2)));
				}
			}
		}
		boolean exited = process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly();
		}
		boolean complete = fields.containsKey("uptime_ms") && fields.containsKey("rss_kb");
		if (!exited || process.exitValue() != 0 || !complete) {
			System.err.println("benchmarks/run startup: the " + variant.label() + " run "
					+ (exited ? "exited with " + process.exitValue() : "did not exit within " + RUN_TIMEOUT_SECONDS + " s")
					+ (complete ? "" : " before reporting its startup") + "; its last lines:");
			tail.forEach(System.err::println);
			return null;
		}
		return new Result(fields.get("uptime_ms"), wallMillis, fields.get("heap_used_kb"),
				fields.get("heap_committed_kb"), fields.get("nonheap_used_kb"), fields.get("rss_kb"),
				fields.get("daprd_rss_kb"), daprdMillis, fields.get("classes"), fields.get("beans"));
	}

	private static void report(PrintStream out, Map<Variant, List<Result>> results) {
		out.printf(Locale.ROOT, "%-22s %4s %8s %13s %8s %8s %8s %8s %8s %7s %5s %8s %9s%n", "variant", "runs",
				"ready ms", "min..max", "wall ms", "heap MB", "commit", "nonheap", "rss MB", "classes", "beans",
				"daprd ms", "daprd MB");
		for (Map.Entry<Variant, List<Result>> entry : results.entrySet()) {
			List<Result> runs = entry.getValue();
			boolean launched = runs.stream().anyMatch((run) -> run.daprdMillis() >= 0);
			out.printf(Locale.ROOT, "%-22s %4d %8.0f %13s %8.0f %8.1f %8.1f %8.1f %8.1f %7.0f %5.0f %8s %9s%n",
					entry.getKey().label(), runs.size(), median(runs, Result::readyMillis),
					String.format(Locale.ROOT, "%.0f..%.0f", min(runs, Result::readyMillis),
							max(runs, Result::readyMillis)),
					median(runs, Result::wallMillis), median(runs, Result::heapUsedKb) / MB,
					median(runs, Result::heapCommittedKb) / MB, median(runs, Result::nonHeapUsedKb) / MB,
					median(runs, Result::rssKb) / MB, median(runs, Result::classes), median(runs, Result::beans),
					launched ? String.format(Locale.ROOT, "%.0f", median(runs, Result::daprdMillis)) : "-",
					launched ? String.format(Locale.ROOT, "%.1f", median(runs, Result::daprdRssKb) / MB) : "-");
		}
		List<Result> without = find(results, "without");
		List<Result> never = find(results, "starter,launch=never");
		List<Result> always = find(results, "starter,launch=always");
		if (without != null && never != null) {
			out.printf(Locale.ROOT,
					"STARTER adds: ready %+.0f ms (paired median %+.0f; goal <= 150 ms), heap used %+.1f MB, "
							+ "rss %+.1f MB (goal <= 20 MB), classes %+.0f, beans %+.0f%n",
					median(never, Result::readyMillis) - median(without, Result::readyMillis),
					pairedMedian(never, without, Result::readyMillis),
					(median(never, Result::heapUsedKb) - median(without, Result::heapUsedKb)) / MB,
					(median(never, Result::rssKb) - median(without, Result::rssKb)) / MB,
					median(never, Result::classes) - median(without, Result::classes),
					median(never, Result::beans) - median(without, Result::beans));
		}
		if (always != null) {
			String versus = (never == null) ? "" : String.format(Locale.ROOT,
					"; launch=always - launch=never: ready %+.0f ms (paired median %+.0f), rss %+.1f MB",
					median(always, Result::readyMillis) - median(never, Result::readyMillis),
					pairedMedian(always, never, Result::readyMillis),
					(median(always, Result::rssKb) - median(never, Result::rssKb)) / MB);
			out.printf(Locale.ROOT, "DAPRD launcher start to ready: %.0f ms (median, %.0f..%.0f; goal <= 500 ms)%s%n",
					median(always, Result::daprdMillis), min(always, Result::daprdMillis),
					max(always, Result::daprdMillis), versus);
		}
	}

	private static @Nullable List<Result> find(Map<Variant, List<Result>> results, String label) {
		return results.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().label().equals(label))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static double median(List<Result> runs, ToDoubleFunction<Result> figure) {
		return median(runs.stream().mapToDouble(figure).sorted().toArray());
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	// The median of the differences run by run (the same round): drift of the machine cancels.
	private static double pairedMedian(List<Result> a, List<Result> b, ToDoubleFunction<Result> figure) {
		int n = Math.min(a.size(), b.size());
		double[] differences = new double[n];
		for (int i = 0; i < n; i++) {
			differences[i] = figure.applyAsDouble(a.get(i)) - figure.applyAsDouble(b.get(i));
		}
		Arrays.sort(differences);
		return median(differences);
	}

	private static double min(List<Result> runs, ToDoubleFunction<Result> figure) {
		return runs.stream().mapToDouble(figure).min().orElse(Double.NaN);
	}

	private static double max(List<Result> runs, ToDoubleFunction<Result> figure) {
		return runs.stream().mapToDouble(figure).max().orElse(Double.NaN);
	}

	/** One way of starting the application. */
	private record Variant(String label, String classpath, @Nullable String launch) {

		static Variant named(String name, String withoutStarter, String withStarter) {
			return switch (name) {
				case "without" -> new Variant("without", withoutStarter, null);
				case "never" -> new Variant("starter,launch=never", withStarter, "never");
				case "always" -> new Variant("starter,launch=always", withStarter, "always");
				default -> throw new IllegalArgumentException(
						"unknown variant '" + name + "'; known: without, never, always");
			};
		}

	}

	/** What one run reported (kilobytes, milliseconds; -1 when not reported). */
	private record Result(long readyMillis, long wallMillis, long heapUsedKb, long heapCommittedKb,
			long nonHeapUsedKb, long rssKb, long daprdRssKb, long daprdMillis, long classes, long beans) {

	}

}
