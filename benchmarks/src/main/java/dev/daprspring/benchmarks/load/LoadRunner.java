package dev.daprspring.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Runs a client's unit of work in a loop on a fixed pool of threads for a slice of time,
 * counting completed units and errors and recording each unit's latency.
 */
public final class LoadRunner implements AutoCloseable {

	private static final int SAMPLE_CAPACITY = 1 << 18;

	private final int maxThreads;

	private final ExecutorService pool;

	private final Worker[] workers;

	private final AllocationCounter allocations = new AllocationCounter();

	private final CpuMeter cpu;

	/**
	 * A runner with a pool of threads.
	 * @param maxThreads the pool's size, the highest concurrency it can run
	 * @param sidecar the sidecar's process, whose CPU time is measured too, or {@code null}
	 */
	public LoadRunner(int maxThreads, @Nullable ProcessHandle sidecar) {
		this.maxThreads = maxThreads;
		this.cpu = new CpuMeter(sidecar);
		this.pool = Executors.newFixedThreadPool(maxThreads, new BenchThreads());
		this.workers = new Worker[maxThreads];
		for (int i = 0; i < maxThreads; i++) {
			this.workers[i] = new Worker(i);
		}
	}

	/**
	 * Runs a client for a slice of time.
	 * @param client the client
	 * @param threads how many threads call it at once
	 * @param duration how long
	 * @return what was done
	 */
	public SliceResult run(BenchmarkClient client, int threads, Duration duration) throws InterruptedException {
		if (threads < 1 || threads > this.maxThreads) {
			throw new IllegalArgumentException(
					"Threads must be between 1 and " + this.maxThreads + " (the pool's size); got " + threads);
		}
		// Garbage left by the previous client is collected now, not in this client's slice.
		System.gc();
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		long[] end = new long[1];
		Future<?>[] running = new Future<?>[threads];
		for (int i = 0; i < threads; i++) {
			Worker worker = this.workers[i];
			worker.reset();
			running[i] = this.pool.submit(() -> worker.loop(client, ready, go, end));
		}
		ready.await();
		long allocatedBefore = this.allocations.allocatedBytes();
		long jvmCpuBefore = this.cpu.jvmNanos();
		ProcessHandle own = client.sidecar();
		long sidecarCpuBefore = (own != null) ? CpuMeter.sidecarNanos(own) : this.cpu.sidecarNanos();
		long start = System.nanoTime();
		end[0] = start + duration.toNanos();
		go.countDown();
		for (Future<?> future : running) {
			await(future);
		}
		long nanos = System.nanoTime() - start;
		Usage usage = new Usage(delta(allocatedBefore, this.allocations.allocatedBytes()),
				delta(jvmCpuBefore, this.cpu.jvmNanos()),
				delta(sidecarCpuBefore, (own != null) ? CpuMeter.sidecarNanos(own) : this.cpu.sidecarNanos()));
		return collect(client.name(), threads, nanos, usage);
	}

	private static long delta(long before, long after) {
		return (before < 0 || after < 0) ? -1 : after - before;
	}

	private SliceResult collect(String client, int threads, long nanos, Usage usage) {
		long operations = 0;
		long errors = 0;
		int samples = 0;
		Throwable firstError = null;
		for (int i = 0; i < threads; i++) {
			operations += this.workers[i].operations;
			errors += this.workers[i].errors;
			samples += this.workers[i].latencies.size();
			if (firstError == null) {
				firstError = this.workers[i].firstError;
			}
		}
		long[] latencies = new long[samples];
		int at = 0;
		for (int i = 0; i < threads; i++) {
			at = this.workers[i].latencies.copyTo(latencies, at);
		}
		return new SliceResult(client, threads, operations, errors, nanos, usage, latencies, firstError);
	}

	private static void await(Future<?> future) throws InterruptedException {
		try {
			future.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A benchmark thread failed outside the measured work", ex.getCause());
		}
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

	/** One thread's loop and counters; reused across slices. */
	private static final class Worker {

		private final int index;

		private final LatencySample latencies = new LatencySample(SAMPLE_CAPACITY);

		private long operations;

		private long errors;

		private @Nullable Throwable firstError;

		Worker(int index) {
			this.index = index;
		}

		void reset() {
			this.operations = 0;
			this.errors = 0;
			this.firstError = null;
			this.latencies.clear();
		}

		void loop(BenchmarkClient client, CountDownLatch ready, CountDownLatch go, long[] end) {
			ready.countDown();
			try {
				go.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			// The latch orders the write of end[0] before this read.
			long stopAt = end[0];
			long iteration = 0;
			long now = System.nanoTime();
			while (now < stopAt) {
				try {
					client.run(this.index, iteration++);
					long done = System.nanoTime();
					this.latencies.record(done - now);
					this.operations++;
					now = done;
				}
				catch (Exception ex) {
					this.errors++;
					if (this.firstError == null) {
						this.firstError = ex;
					}
					now = System.nanoTime();
				}
			}
		}

	}

	private static final class BenchThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "bench-" + this.count.getAndIncrement());
			thread.setDaemon(true);
			return thread;
		}

	}

}
