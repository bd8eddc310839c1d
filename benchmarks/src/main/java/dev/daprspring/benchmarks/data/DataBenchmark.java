package dev.daprspring.benchmarks.data;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.benchmarks.load.BenchmarkClient;
import dev.daprspring.benchmarks.load.BenchmarkSettings;
import dev.daprspring.benchmarks.load.LoadRunner;
import dev.daprspring.benchmarks.load.Measurements;
import dev.daprspring.benchmarks.load.ResultTable;
import dev.daprspring.benchmarks.load.Rounds;
import dev.daprspring.benchmarks.load.SidecarProcess;
import dev.daprspring.benchmarks.load.Summary;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateOperations;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code findById} and {@code save} through a {@code @DaprStateRepository} repository against
 * the same operations through {@code DaprTemplate} (same daprd, same template, interleaved in
 * one run), then {@code findAll(Pageable)} at 1k and 10k entities. Run with
 * {@code benchmarks/run data}.
 */
public final class DataBenchmark {

	static final String STORE = "statestore";

	static final String KEYSPACE = "order";

	/** Shorter than the state benchmark's defaults, so that the whole run stays under 3 minutes. */
	private static final String[] DEFAULTS = { "--rounds=5", "--slice=1.5", "--warmup=2" };

	private DataBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> all = new ArrayList<>(List.of(DEFAULTS));
		String store = "in-memory";
		// Later arguments win: the user's replace the defaults. --store is this benchmark's own.
		for (String arg : args) {
			if (arg.startsWith("--store=")) {
				store = arg.substring("--store=".length());
			}
			else {
				all.add(arg);
			}
		}
		if (!BenchStore.KINDS.contains(store)) {
			System.err.println("benchmarks/run data: unknown --store '" + store + "'; known: " + BenchStore.KINDS);
			System.exit(2);
		}
		System.exit(run(BenchmarkSettings.parseOrExit("data", all.toArray(String[]::new)), store, System.out));
	}

	/**
	 * Runs the benchmark and prints the results.
	 * @return the exit status: 0, 1 when any operation failed, 2 for an unknown client
	 */
	static int run(BenchmarkSettings settings, String storeKind, PrintStream out) throws Exception {
		DataIds ids = new DataIds(settings.maxConcurrency());
		try (BenchStore store = BenchStore.start(storeKind, STORE);
				DaprSidecar dapr = DaprSidecar.builder("bench")
					.component(store.component())
					.logLevel("warn")
					.start();
				DaprTransport transport = new DaprTransport(
						DaprClientOptions.of(dapr.grpcEndpoint(), dapr.httpEndpoint(), null))) {
			DaprTemplate template = new DaprTemplate(transport, JsonMapper.builder().build());
			template.setDefaultStateStore(STORE);
			try (AnnotationConfigApplicationContext context = BenchRepositories.start(template)) {
				OrderRepository repository = context.getBean(OrderRepository.class);
				out.printf(Locale.ROOT,
						"daprd %s (%s) at %s; %s%n", template.metadata().runtimeVersion(),
						store.type(), dapr.grpcEndpoint(), settings.describe());
				// Every entity exists and is in the index before the first slice, so findById always
				// finds one and a save is always an update.
				repository.saveAll(ids.all());
				template.state().saveAll(ids.templateEntries());
				List<BenchmarkClient> clients;
				try {
					clients = settings.select(clients(repository, template.state(), ids), List.of());
				}
				catch (IllegalArgumentException ex) {
					System.err.println("benchmarks/run data: " + ex.getMessage());
					return 2;
				}
				Rounds.checkEachWorks(clients);
				Measurements measurements;
				try (LoadRunner runner = new LoadRunner(settings.maxConcurrency(), SidecarProcess.childDaprd())) {
					measurements = new Rounds(runner, settings, out).run(clients);
				}
				boolean failed = printSlices(out, measurements);
				out.println();
				failed |= new PagingCost(repository, out).run(List.of(1_000, 10_000));
				out.println();
				printRatios(out, measurements, settings, clients);
				return failed ? 1 : 0;
			}
		}
	}

	private static List<BenchmarkClient> clients(OrderRepository repository, StateOperations state, DataIds ids) {
		List<BenchmarkClient> clients = new ArrayList<>();
		clients.add(new OperationClient("repo.findById", (thread, i) -> expect(ids.order(thread, i),
				repository.findById(ids.id(thread, i)).orElse(null))));
		clients.add(new OperationClient("tmpl.get", (thread, i) -> expect(ids.order(thread, i),
				state.get(ids.key(thread, i), Order.class).orElse(null))));
		clients.add(new OperationClient("repo.save", (thread, i) -> repository.save(ids.order(thread, i))));
		clients.add(new OperationClient("tmpl.save", (thread, i) -> state.save(ids.key(thread, i), ids.order(thread, i))));
		// Read-modify-write: findById then save of the same entity, against get then save.
		clients.add(new OperationClient("repo.findSave", (thread, i) -> {
			Order read = repository.findById(ids.id(thread, i)).orElseThrow();
			repository.save(read);
		}));
		clients.add(new OperationClient("tmpl.getSave", (thread, i) -> {
			Order read = state.get(ids.key(thread, i), Order.class).orElseThrow();
			state.save(ids.key(thread, i), read);
		}));
		// The calls the repository's save of an existing entity makes (one it saw stored, on a store
		// that rejects an ETag naming a deleted key): read the entity, write it with its ETag.
		clients.add(new OperationClient("tmpl.2calls", (thread, i) -> {
			String etag = state.getEntry(ids.checkedKey(thread, i), String.class).etag();
			state.save(ids.checkedKey(thread, i), ids.order(thread, i),
					SaveOptions.ifMatch(etag).withConcurrency(SaveOptions.Concurrency.FIRST_WRITE));
		}));
		return clients;
	}

	private static void expect(Order expected, Order read) {
		if (!Objects.equals(expected, read)) {
			throw new IllegalStateException("Read " + read + " where " + expected + " was saved");
		}
	}

	private static boolean printSlices(PrintStream out, Measurements measurements) {
		out.println();
		List<Summary> summaries = measurements.summaries();
		return ResultTable.printWithErrors(out, summaries) > 0;
	}

	/**
	 * Time per operation (the inverse of the median throughput) side by side, then the ratios:
	 * at the highest concurrency first, at the lowest last.
	 */
	private static void printRatios(PrintStream out, Measurements measurements, BenchmarkSettings settings,
			List<BenchmarkClient> clients) {
		List<String> names = clients.stream().map(BenchmarkClient::name).toList();
		if (!names.containsAll(List.of("repo.findById", "tmpl.get", "repo.save", "tmpl.save"))) {
			return;
		}
		out.println("time per operation, us (1e6 / median ops/s):");
		out.printf(Locale.ROOT, "%-9s %7s %11s %9s %6s%n", "operation", "threads", "repository", "template",
				"ratio");
		for (int threads : settings.concurrencies()) {
			double findRepo = micros(measurements, "repo.findById", threads);
			double findTemplate = micros(measurements, "tmpl.get", threads);
			double saveRepo = micros(measurements, "repo.save", threads);
			double saveTemplate = micros(measurements, "tmpl.save", threads);
			out.printf(Locale.ROOT, "%-9s %7d %11.1f %9.1f %6.2f%n", "findById", threads, findRepo, findTemplate,
					findRepo / findTemplate);
			out.printf(Locale.ROOT, "%-9s %7d %11.1f %9.1f %6.2f%n", "save", threads, saveRepo, saveTemplate,
					saveRepo / saveTemplate);
			if (names.contains("tmpl.2calls")) {
				out.printf(Locale.ROOT, "%-9s %7d %11s %9.1f %6.2f  (the repository's 2 calls through the template)%n",
						"save", threads, "", micros(measurements, "tmpl.2calls", threads),
						saveRepo / micros(measurements, "tmpl.2calls", threads));
			}
		}
		if (names.containsAll(List.of("repo.findSave", "tmpl.getSave"))) {
			for (int threads : settings.concurrencies()) {
				double repo = micros(measurements, "repo.findSave", threads);
				double template = micros(measurements, "tmpl.getSave", threads);
				out.printf(Locale.ROOT, "%-9s %7d %11.1f %9.1f %6.2f  (findById + save of what it read)%n", "rmw",
						threads, repo, template, repo / template);
			}
		}
		int lowest = settings.concurrencies().get(0);
		int highest = settings.maxConcurrency();
		if (highest != lowest) {
			printRatioLines(out, measurements, highest, "RATIO@" + highest);
		}
		printRatioLines(out, measurements, lowest, "RATIO");
	}

	private static void printRatioLines(PrintStream out, Measurements measurements, int threads, String prefix) {
		double findRepo = micros(measurements, "repo.findById", threads);
		double findTemplate = micros(measurements, "tmpl.get", threads);
		double saveRepo = micros(measurements, "repo.save", threads);
		double saveTemplate = micros(measurements, "tmpl.save", threads);
		out.printf(Locale.ROOT, "%s findById repository/template=%.2f%n", prefix, findRepo / findTemplate);
		out.printf(Locale.ROOT, "%s save repository/template=%.2f%n", prefix, saveRepo / saveTemplate);
		out.printf(Locale.ROOT, "%s repository/template=%.2f%n", prefix,
				(findRepo + saveRepo) / (findTemplate + saveTemplate));
	}

	private static double micros(Measurements measurements, String client, int threads) {
		return 1e6 / measurements.summary(client, threads).medianOpsPerSecond();
	}


}
