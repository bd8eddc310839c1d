package dev.daprspring.benchmarks.etag;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.benchmarks.load.HarnessOptions;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Many threads increment one counter entity through a repository with {@code @Version}: each
 * reads the counter, adds one and saves; a save refused as stale (another thread saved in
 * between) is counted as a conflict and retried from a fresh read. No increment may be lost,
 * so the final value is threads × increments. Run with {@code benchmarks/run etag}; the last
 * line is {@code ETAG expected=N actual=A conflicts=C}.
 */
public final class EtagBenchmark {

	static final String STORE = "statestore";

	private static final Map<String, String> DEFAULTS = Map.of("threads", "32", "increments", "100");

	private EtagBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		HarnessOptions options;
		try {
			options = HarnessOptions.parse(new LinkedHashMap<>(DEFAULTS), args);
			options.number("threads");
			options.number("increments");
		}
		catch (IllegalArgumentException ex) {
			System.err.println("benchmarks/run etag: " + ex.getMessage());
			System.exit(2);
			return;
		}
		System.exit(run(options.number("threads"), options.number("increments"), System.out));
	}

	static int run(int threads, int increments, PrintStream out) throws Exception {
		try (LocalRedisServer redis = LocalRedisServer.start();
				DaprSidecar dapr = DaprSidecar.builder("etag")
					.component(DaprComponents.redisState(STORE, redis.address()))
					.logLevel("warn")
					.start();
				DaprTransport transport = new DaprTransport(
						DaprClientOptions.of(dapr.grpcEndpoint(), dapr.httpEndpoint(), null));
				AnnotationConfigApplicationContext context = CounterRepositories
					.start(new DaprTemplate(transport, JsonMapper.builder().build()))) {
			CounterRepository counters = context.getBean(CounterRepository.class);
			counters.save(new Counter("hits"));
			out.printf("daprd at %s, state.redis at %s; %d threads x %d increments of one counter%n",
					dapr.grpcEndpoint(), redis.address(), threads, increments);
			AtomicLong conflicts = new AtomicLong();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			Future<?>[] workers = new Future<?>[threads];
			for (int t = 0; t < threads; t++) {
				workers[t] = pool.submit(() -> {
					start.await();
					for (int i = 0; i < increments; i++) {
						increment(counters, conflicts);
					}
					return null;
				});
			}
			long started = System.nanoTime();
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get();
			}
			pool.shutdown();
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			long actual = counters.findById("hits").orElseThrow().getValue();
			out.printf("%d increments in %d ms (%d saves refused as stale and retried)%n", threads * increments,
					millis, conflicts.get());
			out.printf("ETAG expected=%d actual=%d conflicts=%d%n", threads * increments, actual, conflicts.get());
			return (actual == (long) threads * increments) ? 0 : 1;
		}
	}

	private static void increment(CounterRepository counters, AtomicLong conflicts) {
		while (true) {
			Counter counter = counters.findById("hits").orElseThrow();
			counter.setValue(counter.getValue() + 1);
			try {
				counters.save(counter);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				conflicts.incrementAndGet();
			}
		}
	}

}
