package dev.daprspring.benchmarks.actors;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.actors.client.ActorProxyFactory;
import dev.daprspring.benchmarks.load.BenchmarkClient;
import dev.daprspring.benchmarks.load.BenchmarkSettings;
import dev.daprspring.benchmarks.load.LoadRunner;
import dev.daprspring.benchmarks.load.Measurements;
import dev.daprspring.benchmarks.load.ResultTable;
import dev.daprspring.benchmarks.load.Rounds;
import dev.daprspring.benchmarks.load.Summary;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Actor method calls per second through {@code ActorProxyFactory} proxies and through the
 * raw generated {@code InvokeActor} stub, interleaved in one run, against one Spring Boot
 * application that hosts the actor type ({@link EchoActor}) on a launched daprd with
 * placement and scheduler. Run with {@code benchmarks/run actors}.
 */
public final class ActorsBenchmark {

	private static final Duration ACTORS_READY_TIMEOUT = Duration.ofSeconds(60);

	/** The pairs of clients whose ratio is printed when both were measured. */
	private static final List<List<String>> RATIOS = List.of(List.of("proxy", "raw"),
			List.of("proxy+state", "raw+state"), List.of("raw+json", "raw"), List.of("raw+transport", "raw"));

	private ActorsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.exit(run(BenchmarkSettings.parseOrExit("actors", args), System.out));
	}

	/**
	 * Runs the benchmark and prints the results.
	 * @return the exit status: 0, 1 when any call failed, 2 for an unknown client
	 */
	static int run(BenchmarkSettings settings, PrintStream out) throws Exception {
		ActorIds ids = new ActorIds(settings.maxConcurrency());
		try (ConfigurableApplicationContext app = start()) {
			ActorProxyFactory factory = app.getBean(ActorProxyFactory.class);
			DaprClientOptions options = app.getBean(DaprClientOptions.class);
			JsonMapper json = app.getBeanProvider(JsonMapper.class).getIfAvailable(JsonMapper::new);
			List<BenchmarkClient> defaults = List.of(new ProxyActorClient("proxy", factory, ids, false),
					new RawActorClient("raw", options, json, ids, false, false));
			List<BenchmarkClient> variants = List.of(new ProxyActorClient("proxy+state", factory, ids, true),
					new RawActorClient("raw+state", options, json, ids, true, false),
					new RawActorClient("raw+json", options, json, ids, false, true),
					new TransportActorClient("raw+transport", app.getBean(DaprTransport.class), json, ids));
			try {
				List<BenchmarkClient> clients;
				try {
					clients = settings.select(defaults, variants);
				}
				catch (IllegalArgumentException ex) {
					System.err.println("benchmarks/run actors: " + ex.getMessage());
					return 2;
				}
				RawActorClient raw = (RawActorClient) defaults.get(1);
				awaitActors(raw);
				printSetting(out, settings, app);
				activateAll(raw);
				Rounds.checkEachWorks(clients);
				DaprSidecar sidecar = app.getBean(DaprSidecar.class);
				Measurements measurements;
				try (LoadRunner runner = new LoadRunner(settings.maxConcurrency(),
						sidecar.processHandle().orElse(null))) {
					measurements = new Rounds(runner, settings, out).run(clients);
				}
				return report(out, measurements, settings, clients);
			}
			finally {
				for (BenchmarkClient client : Stream.concat(defaults.stream(), variants.stream()).toList()) {
					client.close();
				}
			}
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ActorsApp.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.grpc.server.enabled=false", "dapr.sidecar.launch=always",
					"dapr.sidecar.log-level=warn", "spring.main.banner-mode=off", "spring.application.name=bench")
			.run();
	}

	// The sidecar answers actor calls once placement has handed it the table of actor hosts.
	private static void awaitActors(RawActorClient raw) throws InterruptedException {
		long deadline = System.nanoTime() + ACTORS_READY_TIMEOUT.toNanos();
		while (true) {
			try {
				raw.call(0);
				return;
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("No actor call succeeded within " + ACTORS_READY_TIMEOUT, ex);
				}
				Thread.sleep(200);
			}
		}
	}

	// Every id is active before the first slice: activations are not part of what is measured.
	private static void activateAll(RawActorClient raw) {
		for (int i = 0; i < ActorIds.COUNT; i++) {
			raw.call(i);
		}
	}

	private static void printSetting(PrintStream out, BenchmarkSettings settings, ConfigurableApplicationContext app) {
		out.printf(Locale.ROOT,
				"daprd %s (state.in-memory as actor state store) with placement and scheduler at %s; actor type %s "
						+ "hosted by the same JVM; %d actor ids; %s%n",
				app.getBean(DaprOperations.class).metadata().runtimeVersion(),
				app.getBean(DaprSidecar.class).grpcEndpoint(), Echo.TYPE, ActorIds.COUNT, settings.describe());
	}

	private static int report(PrintStream out, Measurements measurements, BenchmarkSettings settings,
			List<BenchmarkClient> clients) {
		out.println();
		List<Summary> summaries = measurements.summaries();
		long errors = ResultTable.printWithErrors(out, summaries);
		List<String> names = clients.stream().map(BenchmarkClient::name).toList();
		int lowest = settings.concurrencies().get(0);
		int highest = settings.maxConcurrency();
		if (highest != lowest) {
			ratios(out, "RATIO@" + highest, measurements, names, highest);
		}
		ratios(out, "RATIO", measurements, names, lowest);
		return (errors > 0) ? 1 : 0;
	}

	private static void ratios(PrintStream out, String label, Measurements measurements, List<String> names,
			int threads) {
		List<String> ratios = new ArrayList<>();
		for (List<String> pair : RATIOS) {
			if (names.containsAll(pair)) {
				ratios.add(String.format(Locale.ROOT, "%s/%s=%.2f", pair.get(0), pair.get(1),
						measurements.summary(pair.get(0), threads).medianOpsPerSecond()
								/ measurements.summary(pair.get(1), threads).medianOpsPerSecond()));
			}
		}
		if (!ratios.isEmpty()) {
			out.println(label + " " + String.join(" ", ratios));
		}
	}

}
