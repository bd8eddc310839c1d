package dev.daprspring.benchmarks.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.daprspring.benchmarks.load.HarnessOptions;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.PublishOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Publishes events through {@code pubsub.redis} to a {@code @Topic} handler while the
 * sidecar is stopped and restarted mid-stream, then counts the distinct event ids the
 * handler saw. A publish that throws (the sidecar is down) is retried with the same
 * CloudEvent id, which is the caller's side of the at-least-once guarantee. Run with
 * {@code benchmarks/run soak}; the last line is
 * {@code SOAK sent=N handled=M lost=L duplicates=D renamed=X restarts=R}, where {@code renamed}
 * counts the events delivered under more than one CloudEvent id.
 */
public final class SoakBenchmark {

	private static final Map<String, String> DEFAULTS = defaults();

	private SoakBenchmark() {
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("events", "10000");
		defaults.put("restarts", "1");
		defaults.put("publishers", "8");
		defaults.put("drain", "90");
		defaults.put("handler-millis", "20");
		defaults.put("stop", "kill");
		defaults.put("delivery", "http");
		defaults.put("daprd-args", "");
		defaults.put("ids", "harness");
		return defaults;
	}

	public static void main(String[] args) throws Exception {
		HarnessOptions options;
		try {
			options = HarnessOptions.parse(DEFAULTS, args);
			options.number("events");
			options.count("restarts");
			options.number("publishers");
			options.seconds("drain");
			options.count("handler-millis");
			stopMode(options);
			delivery(options);
			harnessIds(options);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("benchmarks/run soak: " + ex.getMessage());
			System.exit(2);
			return;
		}
		System.exit(run(options, System.out));
	}

	static int run(HarnessOptions options, PrintStream out) throws Exception {
		int events = options.number("events");
		int restarts = options.count("restarts");
		String result;
		try (LocalRedisServer redis = LocalRedisServer.start()) {
			Path resources = components(redis);
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SoakApplication.class)
				.properties("dapr.sidecar.launch=always", "dapr.sidecar.app-id=soak",
						"dapr.sidecar.resources-paths=" + resources, "dapr.sidecar.log-level=warn", "server.port=0",
						"soak.handler-millis=" + options.count("handler-millis"),
						"dapr.messaging.delivery=" + delivery(options),
						"dapr.sidecar.arguments=" + options.text("daprd-args"),
						"spring.main.banner-mode=off", "logging.level.root=warn")
				.run()) {
				DaprSidecar sidecar = context.getBean(DaprSidecar.class);
				DaprOperations dapr = context.getBean(DaprOperations.class);
				SoakLedger ledger = context.getBean(SoakLedger.class);
				out.printf("daprd %s, pubsub.redis at %s, %s delivery; %d events from %d publishers, handler %d ms, "
						+ "%d %s restart(s)%n", dapr.metadata().runtimeVersion(), redis.address(), delivery(options),
						events, options.number("publishers"), options.count("handler-millis"), restarts,
						stopMode(options));
				result = soak(options, out, sidecar, dapr, ledger);
				if (!result.contains(" lost=0 ")) {
					LossReport.print(out, redis, sidecar, SoakApplication.TOPIC, "soak");
				}
			}
			finally {
				FileSystemUtils.deleteRecursively(resources);
			}
		}
		// After the application and the sidecar stopped, so that their shutdown logs come before it.
		out.println(result);
		return result.contains(" lost=0 ") ? 0 : 1;
	}

	private static Path components(LocalRedisServer redis) throws IOException {
		Path resources = Files.createTempDirectory("dapr-soak");
		// An event the stopped sidecar had read but not yet delivered stays pending in the
		// consumer group; the restarted sidecar claims it back after processingTimeout.
		Files.writeString(resources.resolve("pubsub.yaml"), DaprComponents.redisPubSub("pubsub", redis.address())
			.withMetadata("processingTimeout", "10s")
			.withMetadata("redeliverInterval", "2s")
			.toYaml());
		return resources;
	}

	/** Runs the soak; returns the SOAK line. */
	private static String soak(HarnessOptions options, PrintStream out, DaprSidecar sidecar, DaprOperations dapr,
			SoakLedger ledger) throws Exception {
		int events = options.number("events");
		int restarts = options.count("restarts");
		String run = UUID.randomUUID().toString().substring(0, 8);
		AtomicLong next = new AtomicLong();
		AtomicLong sent = new AtomicLong();
		AtomicLong failedAttempts = new AtomicLong();
		boolean harnessIds = harnessIds(options);
		ExecutorService publishers = Executors.newFixedThreadPool(options.number("publishers"));
		Future<?>[] done = new Future<?>[options.number("publishers")];
		long started = System.nanoTime();
		for (int i = 0; i < done.length; i++) {
			done[i] = publishers.submit(() -> {
				for (long sequence = next.getAndIncrement(); sequence < events; sequence = next.getAndIncrement()) {
					publishUntilAccepted(dapr, harnessIds ? id(run, sequence) : null, new SoakEvent(sequence),
							failedAttempts);
					sent.incrementAndGet();
				}
				return null;
			});
		}
		int restarted = 0;
		for (int k = 1; k <= restarts; k++) {
			long threshold = (long) events * k / (restarts + 1);
			while (sent.get() < threshold && !allDone(done)) {
				Thread.sleep(20);
			}
			long before = System.nanoTime();
			if (!"graceful".equals(stopMode(options))) {
				// SIGKILL: no shutdown sequence, whatever daprd had read stays unacknowledged in Redis.
				// SIGTERM: daprd's own graceful shutdown, as when a container is stopped.
				ProcessHandle daprd = sidecar.processHandle().orElseThrow(() -> new IllegalStateException("daprd is not running"));
				if ("kill".equals(stopMode(options))) {
					daprd.destroyForcibly();
				}
				else {
					daprd.destroy();
				}
				daprd.onExit().get();
			}
			sidecar.restart();
			restarted++;
			out.printf("restart %d after %d events sent (%d handled): sidecar back in %d ms%n", k, sent.get(),
					ledger.distinct(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
		}
		for (Future<?> publisher : done) {
			publisher.get();
		}
		publishers.shutdown();
		long publishedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		out.printf("all %d events accepted by the sidecar in %d ms; %d publish attempts threw and were retried "
				+ "with the same id%n", sent.get(), publishedMillis, failedAttempts.get());
		drain(options.seconds("drain"), out, ledger, events);
		long lost = 0;
		for (long sequence = 0; sequence < events; sequence++) {
			if (!ledger.contains(sequence)) {
				lost++;
			}
		}
		int handled = ledger.distinct();
		long duplicates = ledger.total() - handled;
		return String.format("SOAK sent=%d handled=%d lost=%d duplicates=%d renamed=%d restarts=%d", sent.get(),
				handled, lost, duplicates, ledger.renamed(), restarted);
	}

	/**
	 * {@code graceful} ({@code /v1.0/shutdown}, as {@code DaprSidecar.stop()} does), {@code term}
	 * (SIGTERM) or {@code kill} (SIGKILL).
	 */
	private static String stopMode(HarnessOptions options) {
		String mode = options.text("stop");
		if (!mode.equals("graceful") && !mode.equals("term") && !mode.equals("kill")) {
			throw new IllegalArgumentException("--stop must be graceful, term or kill; got '" + mode + "'");
		}
		return mode;
	}

	/** {@code http} (the app channel) or {@code streaming} (SubscribeTopicEventsAlpha1). */
	private static String delivery(HarnessOptions options) {
		String delivery = options.text("delivery");
		if (!delivery.equals("http") && !delivery.equals("streaming")) {
			throw new IllegalArgumentException("--delivery must be http or streaming; got '" + delivery + "'");
		}
		return delivery;
	}


	private static String id(String run, long sequence) {
		return "soak-" + run + "-" + sequence;
	}

	/**
	 * {@code harness} (each event's CloudEvent id chosen by the harness, kept when a publish that
	 * threw is retried) or {@code client} (no id given: the client chooses it before the first
	 * attempt; a publish that threw is retried as a new one).
	 */
	private static boolean harnessIds(HarnessOptions options) {
		String ids = options.text("ids");
		if (!ids.equals("harness") && !ids.equals("client")) {
			throw new IllegalArgumentException("--ids must be harness or client; got '" + ids + "'");
		}
		return ids.equals("harness");
	}

	/** Publishes until the sidecar accepts, keeping the CloudEvent id (if one is given) across attempts. */
	private static void publishUntilAccepted(DaprOperations dapr, @Nullable String id, SoakEvent event,
			AtomicLong failed) throws InterruptedException {
		PublishOptions options = PublishOptions.none().withId(id);
		while (true) {
			try {
				dapr.pubsub().publish(SoakApplication.TOPIC, event, options);
				return;
			}
			catch (RuntimeException ex) {
				failed.incrementAndGet();
				Thread.sleep(100);
			}
		}
	}

	private static boolean allDone(Future<?>[] futures) {
		for (Future<?> future : futures) {
			if (!future.isDone()) {
				return false;
			}
		}
		return true;
	}

	/** Waits until every event was handled, or until nothing new was handled for {@code quiet}. */
	private static void drain(Duration quiet, PrintStream out, SoakLedger ledger, int events)
			throws InterruptedException {
		long lastProgress = System.nanoTime();
		int seen = ledger.distinct();
		long lastReport = System.nanoTime();
		while (ledger.distinct() < events && System.nanoTime() - lastProgress < quiet.toNanos()) {
			Thread.sleep(100);
			int now = ledger.distinct();
			if (now != seen) {
				seen = now;
				lastProgress = System.nanoTime();
			}
			if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
				out.printf("waiting for deliveries: %d of %d handled%n", now, events);
				lastReport = System.nanoTime();
			}
		}
	}

}
