package dev.daprspring.benchmarks.pubsub;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.daprspring.core.DaprOperations;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Delivered messages per second, publish → daprd → handler, for {@code @Topic} handlers
 * over the HTTP app channel ({@code topic-http}), the gRPC app channel
 * ({@code topic-grpc}) and streaming subscriptions ({@code streaming}), and for a minimal
 * hand-written servlet subscriber on the same sidecar and in the same servlet container as
 * {@code topic-http} ({@code baseline}). Run with {@code benchmarks/run pubsub}.
 */
public final class PubsubBenchmark {

	private static final String USAGE = "[--messages=20000] [--rounds=5] [--publishers=8] (per round and mode)";

	private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(2);

	private PubsubBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, Integer> settings = new LinkedHashMap<>(Map.of("messages", 20000, "rounds", 5, "publishers", 8));
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : "";
			if (!settings.containsKey(name)) {
				System.err.println("benchmarks/run pubsub: unknown argument '" + arg + "'; expected " + USAGE);
				System.exit(2);
			}
			try {
				settings.put(name, Integer.parseInt(arg.substring(equals + 1)));
			}
			catch (NumberFormatException ex) {
				System.err.println("benchmarks/run pubsub: " + arg + " is not a number; expected " + USAGE);
				System.exit(2);
			}
		}
		System.exit(run(settings.get("messages"), settings.get("rounds"), settings.get("publishers"), System.out));
	}

	static int run(int messages, int rounds, int publishers, PrintStream out) throws Exception {
		List<ConfigurableApplicationContext> apps = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(publishers);
		try {
			ConfigurableApplicationContext http = start(apps, WebApplicationType.SERVLET, "server.port=0");
			ConfigurableApplicationContext grpc = start(apps, WebApplicationType.NONE, "dapr.app.protocol=grpc",
					"spring.grpc.server.port=0");
			ConfigurableApplicationContext streaming = start(apps, WebApplicationType.NONE,
					"dapr.messaging.delivery=streaming");
			List<Mode> modes = List.of(
					new Mode("topic-http", http, SubscriberApp.TOPIC, "topicDeliveries"),
					new Mode("baseline", http, SubscriberApp.BASELINE_TOPIC, "baselineDeliveries"),
					new Mode("topic-grpc", grpc, SubscriberApp.TOPIC, "topicDeliveries"),
					new Mode("streaming", streaming, SubscriberApp.TOPIC, "topicDeliveries"));
			out.printf(Locale.ROOT, "daprd %s (pubsub.in-memory), one per mode (baseline shares topic-http's); "
					+ "Java %s; %d cores; %d messages per round and mode from %d publisher threads; %d rounds%n",
					http.getBean(DaprOperations.class).metadata().runtimeVersion(),
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), messages,
					publishers, rounds);
			// Warm-up: a short round each, so the JIT has compiled what every mode shares.
			for (Mode mode : modes) {
				mode.round(Math.max(messages / 4, 1), pool, publishers);
			}
			Map<String, List<Double>> rates = new LinkedHashMap<>();
			modes.forEach((mode) -> rates.put(mode.name(), new ArrayList<>()));
			for (int round = 0; round < rounds; round++) {
				// Rotate the order, so no mode always runs right after the same other one.
				for (int i = 0; i < modes.size(); i++) {
					Mode mode = modes.get((i + round) % modes.size());
					System.gc();
					double rate = mode.round(messages, pool, publishers);
					rates.get(mode.name()).add(rate);
					out.printf(Locale.ROOT, "round %d %-10s %10.0f msgs/s%n", round + 1, mode.name(), rate);
				}
			}
			out.println();
			out.printf(Locale.ROOT, "%-10s %12s %22s %9s%n", "mode", "msgs/s", "min..max", "failures");
			Map<String, Double> medians = new LinkedHashMap<>();
			long failures = 0;
			for (Mode mode : modes) {
				List<Double> sorted = rates.get(mode.name()).stream().sorted().toList();
				double median = sorted.get(sorted.size() / 2);
				medians.put(mode.name(), median);
				failures += mode.deliveries().failures();
				out.printf(Locale.ROOT, "%-10s %12.0f %10.0f..%-10.0f %9d%n", mode.name(), median, sorted.get(0),
						sorted.get(sorted.size() - 1), mode.deliveries().failures());
			}
			out.printf(Locale.ROOT, "RATIO topic-http/baseline=%.2f streaming/http=%.2f topic-grpc/http=%.2f%n",
					medians.get("topic-http") / medians.get("baseline"),
					medians.get("streaming") / medians.get("topic-http"),
					medians.get("topic-grpc") / medians.get("topic-http"));
			return (failures > 0) ? 1 : 0;
		}
		finally {
			pool.shutdownNow();
			for (ConfigurableApplicationContext app : apps) {
				app.close();
			}
		}
	}

	private static ConfigurableApplicationContext start(List<ConfigurableApplicationContext> apps,
			WebApplicationType type, String... properties) {
		List<String> all = new ArrayList<>(List.of("dapr.sidecar.launch=always", "dapr.sidecar.log-level=warn",
				"spring.main.banner-mode=off", "spring.application.name=bench",
				"dapr.messaging.subscriptions[0].topic=" + SubscriberApp.BASELINE_TOPIC,
				"dapr.messaging.subscriptions[0].route=" + SubscriberApp.BASELINE_ROUTE));
		all.addAll(Arrays.asList(properties));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SubscriberApp.class).web(type)
			.properties(all.toArray(String[]::new))
			.run();
		apps.add(app);
		return app;
	}

	/**
	 * One way of delivering: the application that subscribes, the topic it is measured on
	 * and the counter of its subscriber.
	 */
	record Mode(String name, ConfigurableApplicationContext app, String topic, String deliveriesBean) {

		Deliveries deliveries() {
			return this.app.getBean(this.deliveriesBean, Deliveries.class);
		}

		/** Publishes {@code messages} orders and answers the delivered messages per second. */
		double round(int messages, ExecutorService pool, int publishers) throws Exception {
			DaprOperations dapr = this.app.getBean(DaprOperations.class);
			Deliveries deliveries = deliveries();
			long target = deliveries.count() + messages;
			long start = System.nanoTime();
			List<Future<?>> sent = new ArrayList<>();
			for (int p = 0; p < publishers; p++) {
				int from = p * messages / publishers;
				int to = (p + 1) * messages / publishers;
				sent.add(pool.submit(() -> {
					for (int i = from; i < to; i++) {
						dapr.pubsub().publish(this.topic, new Order("o-" + i, i));
					}
					return null;
				}));
			}
			for (Future<?> future : sent) {
				future.get();
			}
			if (!deliveries.await(target, ROUND_TIMEOUT)) {
				throw new IllegalStateException(this.name + ": only " + (deliveries.count() - target + messages)
						+ " of " + messages + " messages arrived within " + ROUND_TIMEOUT);
			}
			return messages / ((System.nanoTime() - start) / 1e9);
		}

	}

}
