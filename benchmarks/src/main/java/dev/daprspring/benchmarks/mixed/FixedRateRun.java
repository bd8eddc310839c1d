package dev.daprspring.benchmarks.mixed;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Starts calls at a fixed rate, whether or not earlier ones have returned, and records the
 * latency of each from the moment it was due, so time spent waiting for a free thread
 * counts (no coordinated omission).
 */
final class FixedRateRun {

	private final Map<Operation, long[]> latencies = new EnumMap<>(Operation.class);

	private final Map<Operation, AtomicInteger> recorded = new EnumMap<>(Operation.class);

	private final Map<Operation, AtomicInteger> errors = new EnumMap<>(Operation.class);

	private final AtomicReference<@Nullable Throwable> firstError = new AtomicReference<>();

	private FixedRateRun(int calls) {
		for (Operation operation : Operation.values()) {
			this.latencies.put(operation, new long[calls]);
			this.recorded.put(operation, new AtomicInteger());
			this.errors.put(operation, new AtomicInteger());
		}
	}

	/** Runs {@code rate × duration} calls of {@code client} on {@code pool} and waits for the last. */
	static FixedRateRun run(MixedClient client, int rate, Duration duration, ExecutorService pool)
			throws InterruptedException {
		int calls = (int) (rate * duration.toMillis() / 1000);
		FixedRateRun run = new FixedRateRun(calls);
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		CountDownLatch finished = new CountDownLatch(calls);
		for (int i = 0; i < calls; i++) {
			long due = start + i * period;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			long n = i;
			pool.execute(() -> {
				Operation operation = Operation.of(n);
				try {
					client.run(operation, n);
				}
				catch (Throwable ex) {
					run.errors.get(operation).incrementAndGet();
					run.firstError.compareAndSet(null, ex);
				}
				finally {
					long[] values = run.latencies.get(operation);
					values[run.recorded.get(operation).getAndIncrement()] = System.nanoTime() - due;
					finished.countDown();
				}
			});
		}
		finished.await();
		return run;
	}

	/** Latencies of one operation, or of all when {@code operation} is {@code null}, sorted, in ns. */
	long[] sorted(@Nullable Operation operation) {
		if (operation != null) {
			long[] values = Arrays.copyOf(this.latencies.get(operation), this.recorded.get(operation).get());
			Arrays.sort(values);
			return values;
		}
		long[] all = new long[0];
		for (Operation each : Operation.values()) {
			long[] values = sorted(each);
			long[] merged = Arrays.copyOf(all, all.length + values.length);
			System.arraycopy(values, 0, merged, all.length, values.length);
			all = merged;
		}
		Arrays.sort(all);
		return all;
	}

	int errors(@Nullable Operation operation) {
		if (operation != null) {
			return this.errors.get(operation).get();
		}
		return this.errors.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	@Nullable Throwable firstError() {
		return this.firstError.get();
	}

}
