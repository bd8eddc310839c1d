package dev.daprspring.benchmarks.state;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import dev.daprspring.benchmarks.load.BenchmarkClient;
import dev.daprspring.benchmarks.load.BenchmarkSettings;
import dev.daprspring.benchmarks.load.LoadRunner;
import dev.daprspring.benchmarks.load.Measurements;
import dev.daprspring.benchmarks.load.ResultTable;
import dev.daprspring.benchmarks.load.Rounds;
import dev.daprspring.benchmarks.load.SidecarProcess;
import dev.daprspring.benchmarks.load.Summary;
import dev.daprspring.benchmarks.state.RawStubStateClient.Extra;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;

/**
 * Save-and-get round trips per second against one daprd with an in-memory state store,
 * through {@code DaprTemplate} (over TCP, and over Unix domain sockets to a second daprd), the
 * raw generated stub and the official SDK's {@code DaprClient}, interleaved in one run. Run with {@code benchmarks/run state}.
 */
public final class StateBenchmark {

	private StateBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.exit(run(BenchmarkSettings.parseOrExit("state", args), System.out));
	}

	/**
	 * Runs the benchmark and prints the results.
	 * @return the exit status: 0, 1 when any round trip failed, 2 for an unknown client
	 */
	static int run(BenchmarkSettings settings, PrintStream out) throws Exception {
		StateKeys keys = new StateKeys(settings.maxConcurrency());
		// daprd serves its APIs on TCP or on Unix domain sockets, not both: the socket client gets a
		// second daprd, configured the same, whose CPU time is measured for that client.
		try (DaprSidecar dapr = DaprSidecar.builder("bench")
			.component(DaprComponents.inMemoryState(StateClient.STORE))
			.logLevel("warn")
			.start();
				DaprSidecar sockets = DaprSidecar.builder("bench-uds")
					.component(DaprComponents.inMemoryState(StateClient.STORE))
					.logLevel("warn")
					.unixDomainSockets(true)
					.start()) {
			List<BenchmarkClient> defaults = List.of(TemplateStateClient.connect(dapr, keys),
					TemplateStateClient.connectOwn("template-uds", sockets, keys), RawStubStateClient.connect(dapr, keys),
					OfficialSdkStateClient.connect(dapr, keys));
			List<BenchmarkClient> variants = variants(dapr, keys);
			try {
				printSetting(out, settings, dapr, sockets, (TemplateStateClient) defaults.get(0));
				List<BenchmarkClient> clients;
				try {
					clients = settings.select(defaults, variants);
				}
				catch (IllegalArgumentException ex) {
					System.err.println("benchmarks/run state: " + ex.getMessage());
					return 2;
				}
				Rounds.checkEachWorks(clients);
				Measurements measurements;
				try (LoadRunner runner = new LoadRunner(settings.maxConcurrency(), SidecarProcess.childDaprd())) {
					measurements = new Rounds(runner, settings, out).run(clients);
				}
				return report(out, measurements, settings, clients);
			}
			finally {
				for (BenchmarkClient client : defaults) {
					client.close();
				}
				for (BenchmarkClient client : variants) {
					client.close();
				}
			}
		}
	}

	/** Variants of the raw client, each adding what the template does on the wire. */
	private static List<BenchmarkClient> variants(DaprSidecar dapr, StateKeys keys) {
		return List.of(RawStubStateClient.connect("raw+deadline", dapr, keys, Extra.DEADLINE),
				RawStubStateClient.connect("raw+json", dapr, keys, Extra.CONTENT_TYPE),
				RawStubStateClient.connect("raw+channel", dapr, keys, Extra.TEMPLATE_CHANNEL),
				RawStubStateClient.connect("raw+timer", dapr, keys, Extra.CANCEL_TIMER),
				RawStubStateClient.connect("raw+all", dapr, keys, Extra.DEADLINE, Extra.CONTENT_TYPE,
						Extra.TEMPLATE_CHANNEL));
	}

	private static void printSetting(PrintStream out, BenchmarkSettings settings, DaprSidecar dapr,
			DaprSidecar sockets, TemplateStateClient template) {
		out.printf(Locale.ROOT,
				"daprd %s (state.in-memory) at %s; %s%n", template.template().metadata().runtimeVersion(),
				dapr.grpcEndpoint() + " (template-uds: a second daprd at " + sockets.grpcEndpoint() + ")",
				settings.describe());
	}

	private static int report(PrintStream out, Measurements measurements, BenchmarkSettings settings,
			List<BenchmarkClient> clients) {
		out.println();
		List<Summary> summaries = measurements.summaries();
		long errors = ResultTable.printWithErrors(out, summaries);
		List<String> names = clients.stream().map(BenchmarkClient::name).toList();
		if (names.containsAll(List.of("template", "template-uds", "raw", "official"))) {
			int lowest = settings.concurrencies().get(0);
			int highest = settings.maxConcurrency();
			if (highest != lowest) {
				out.println("RATIO@" + highest + " " + ratios(measurements, highest));
			}
			out.println("RATIO " + ratios(measurements, lowest));
		}
		return (errors > 0) ? 1 : 0;
	}

	private static String ratios(Measurements measurements, int threads) {
		double template = measurements.summary("template", threads).medianOpsPerSecond();
		double sockets = measurements.summary("template-uds", threads).medianOpsPerSecond();
		double official = measurements.summary("official", threads).medianOpsPerSecond();
		return String.format(Locale.ROOT,
				"template/raw=%.2f template/official=%.2f template-uds/official=%.2f template-uds/template-tcp=%.2f",
				template / measurements.summary("raw", threads).medianOpsPerSecond(), template / official,
				sockets / official, sockets / template);
	}

}
