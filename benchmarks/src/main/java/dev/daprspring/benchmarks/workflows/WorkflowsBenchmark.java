package dev.daprspring.benchmarks.workflows;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.daprspring.benchmarks.load.BenchmarkSettings;
import dev.daprspring.benchmarks.load.LoadRunner;
import dev.daprspring.benchmarks.workflows.WorkflowResults.Row;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.runtime.WorkflowWorker;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Workflows completed per second, and the latency of one, through this project's
 * {@code WorkflowWorker} and {@code DaprWorkflowTemplate} ({@code template}) and through the
 * official SDK's {@code WorkflowRuntime} and {@code DaprWorkflowClient} ({@code official}),
 * on one launched daprd with placement and scheduler, one worker at a time
 * ({@link WorkflowRounds}). Run with {@code benchmarks/run workflows}.
 */
public final class WorkflowsBenchmark {

	/** This benchmark's defaults, given before the user's arguments (later ones win). */
	private static final List<String> DEFAULTS = List.of("--rounds=5", "--slice=3", "--warmup=2", "--threads=1,16");

	private static final String ROW = "%-9s %-7s %7s %8s %13s %8s %8s %8s %9s %10s %12s %6s%n";

	private WorkflowsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> all = new ArrayList<>(DEFAULTS);
		// --concurrency is this benchmark's name for --threads: instances in flight at once.
		Arrays.stream(args)
			.map((arg) -> arg.startsWith("--concurrency=") ? "--threads=" + arg.substring("--concurrency=".length())
					: arg)
			.forEach(all::add);
		System.exit(run(BenchmarkSettings.parseOrExit("workflows", all.toArray(String[]::new)), System.out));
	}

	/**
	 * Runs the benchmark and prints the results.
	 * @return the exit status: 0, 1 when any workflow failed, 2 for an unknown client
	 */
	static int run(BenchmarkSettings settings, PrintStream out) throws Exception {
		// Both replay engines (durabletask-client) log every replay through java.util.logging.
		java.util.logging.Logger.getLogger("io.dapr.durabletask").setLevel(java.util.logging.Level.WARNING);
		try (ConfigurableApplicationContext app = start()) {
			WorkflowWorker worker = app.getBean(WorkflowWorker.class);
			DaprSidecar sidecar = app.getBean(DaprSidecar.class);
			// The application started its worker once ready; each client starts its own in turn.
			worker.stop();
			List<WorkflowClient> known = List.of(
					new TemplateWorkflowClient(app.getBean(WorkflowOperations.class), worker),
					OfficialWorkflowClient.connect(sidecar));
			try (SidecarWatch watch = new SidecarWatch(sidecar)) {
				List<WorkflowClient> clients;
				try {
					clients = select(settings, known);
				}
				catch (IllegalArgumentException ex) {
					System.err.println("benchmarks/run workflows: " + ex.getMessage());
					return 2;
				}
				out.printf(Locale.ROOT,
						"daprd %s (state.in-memory as actor state store) with placement and scheduler at %s; "
								+ "workers and clients in this JVM, one worker at a time; chain of %d activities, "
								+ "fan-out of %d + fan-in; %s, per workload%n",
						app.getBean(DaprOperations.class).metadata().runtimeVersion(), sidecar.grpcEndpoint(),
						Workload.CHAIN_LENGTH, Workload.FAN_OUT_WIDTH, settings.describe());
				WorkflowResults results;
				try (LoadRunner runner = new LoadRunner(settings.maxConcurrency(),
						sidecar.processHandle().orElse(null))) {
					results = new WorkflowRounds(runner, settings, watch, out).run(clients);
				}
				return report(out, results, settings, clients);
			}
			finally {
				for (WorkflowClient client : known) {
					client.close();
				}
			}
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(WorkflowsApp.class).web(WebApplicationType.NONE)
			.properties("spring.grpc.server.enabled=false", "dapr.sidecar.launch=always",
					"dapr.sidecar.log-level=warn", "spring.main.banner-mode=off", "spring.application.name=bench")
			.run();
	}

	private static List<WorkflowClient> select(BenchmarkSettings settings, List<WorkflowClient> known) {
		if (settings.clients().isEmpty()) {
			return known;
		}
		List<WorkflowClient> selected = new ArrayList<>();
		for (String name : settings.clients()) {
			selected.add(known.stream()
				.filter((client) -> client.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown client '" + name + "' in --clients; known: "
						+ known.stream().map(WorkflowClient::name).toList())));
		}
		return selected;
	}

	private static int report(PrintStream out, WorkflowResults results, BenchmarkSettings settings,
			List<WorkflowClient> clients) {
		out.println();
		out.printf(Locale.ROOT, ROW, "client", "work", "threads", "wf/s", "min..max", "p50 ms", "p95 ms", "p99 ms",
				"alloc KB", "JVM cpu us", "daprd cpu us", "errors");
		long errors = 0;
		List<String> failures = new ArrayList<>();
		for (Workload workload : Workload.values()) {
			for (int threads : settings.concurrencies()) {
				for (WorkflowClient client : clients) {
					Row row = results.row(client.name(), workload, threads);
					errors += row.errors;
					out.printf(Locale.ROOT, ROW, client.name(), workload.label(), threads, format("%.1f", row.median),
							format("%.1f..%.1f", row.min, row.max), millis(row.percentile(0.50)),
							millis(row.percentile(0.95)), millis(row.percentile(0.99)),
							perWorkflow(row.allocated, row.operations, 1024), perWorkflow(row.jvmCpu, row.operations, 1000),
							perWorkflow(row.sidecarCpu, row.operations, 1000), row.errors);
					if (row.firstError != null) {
						failures.add("first error of " + client.name() + " " + workload.label() + "@" + threads + ": "
								+ row.firstError);
					}
				}
			}
		}
		out.println("wf/s: workflows scheduled and seen completed per second, median of the rounds (min..max: lowest "
				+ "and highest round);");
		out.println("p50/p95/p99: schedule to completion as the client sees it, over all rounds; alloc KB, JVM cpu us, "
				+ "daprd cpu us: per workflow (worker and client both in this JVM)");
		failures.forEach(out::println);
		List<String> names = clients.stream().map(WorkflowClient::name).toList();
		if (names.contains("template") && names.contains("official")) {
			for (int threads : settings.concurrencies()) {
				Row templateChain = results.row("template", Workload.CHAIN, threads);
				Row officialChain = results.row("official", Workload.CHAIN, threads);
				Row templateFanOut = results.row("template", Workload.FAN_OUT, threads);
				Row officialFanOut = results.row("official", Workload.FAN_OUT, threads);
				out.printf(Locale.ROOT,
						"RATIO@%d template/official chain=%.2f fanout=%.2f | latency official/template chain-p50=%.2f "
								+ "chain-p95=%.2f%n",
						threads, templateChain.median / officialChain.median,
						templateFanOut.median / officialFanOut.median,
						(double) officialChain.percentile(0.50) / templateChain.percentile(0.50),
						(double) officialChain.percentile(0.95) / templateChain.percentile(0.95));
			}
		}
		return (errors > 0) ? 1 : 0;
	}

	private static String perWorkflow(long total, long operations, double unit) {
		return (total >= 0 && operations > 0) ? format("%.1f", total / unit / operations) : "n/a";
	}

	private static String millis(long nanos) {
		return (nanos >= 0) ? format("%.2f", nanos / 1e6) : "n/a";
	}

	private static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

}
