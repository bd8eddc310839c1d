package dev.daprspring.benchmarks.workflows;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.daprspring.benchmarks.load.BenchmarkClient;
import dev.daprspring.benchmarks.load.BenchmarkSettings;
import dev.daprspring.benchmarks.load.LoadRunner;
import dev.daprspring.benchmarks.load.SliceResult;

/**
 * The schedule: every client in turn gets a stretch (start its worker, wait until one
 * workflow completes through it, one slice of each workload at each concurrency, stop its
 * worker and wait until daprd no longer counts it), so that only one worker is connected
 * to the app id at a time. A warm-up of two such stretches per client comes first; then
 * each round gives every client one stretch, the clients' order rotating from round to
 * round.
 */
final class WorkflowRounds {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(30);

	private final LoadRunner runner;

	private final BenchmarkSettings settings;

	private final SidecarWatch watch;

	private final PrintStream progress;

	WorkflowRounds(LoadRunner runner, BenchmarkSettings settings, SidecarWatch watch, PrintStream progress) {
		this.runner = runner;
		this.settings = settings;
		this.watch = watch;
		this.progress = progress;
	}

	WorkflowResults run(List<WorkflowClient> clients) throws Exception {
		this.watch.awaitConnectedWorkers(0, DISCONNECT_TIMEOUT, "before the first client started its worker");
		if (!this.settings.warmup().isZero()) {
			// Two passes, as in the other benchmarks: the first client pays for compiling what
			// both share (gRPC, Netty, protobuf, the replay engine); the second pass is warm.
			Duration half = this.settings.warmup().dividedBy(2);
			StringBuilder line = new StringBuilder("warm-up:");
			for (int pass = 0; pass < 2; pass++) {
				for (WorkflowClient client : clients) {
					stretch(client, half, null, (pass == 1) ? line : new StringBuilder());
				}
			}
			this.progress.println(line);
		}
		WorkflowResults results = new WorkflowResults();
		for (int round = 0; round < this.settings.rounds(); round++) {
			StringBuilder line = new StringBuilder("round " + (round + 1) + "/" + this.settings.rounds() + ":");
			for (int i = 0; i < clients.size(); i++) {
				stretch(clients.get((i + round) % clients.size()), this.settings.slice(), results, line);
			}
			this.progress.println(line);
		}
		return results;
	}

	private void stretch(WorkflowClient client, Duration slice, @Nullable WorkflowResults results, StringBuilder line)
			throws Exception {
		List<Integer> concurrencies = this.settings.concurrencies();
		Duration limit = READY_TIMEOUT.plus(DISCONNECT_TIMEOUT)
			.plus(WorkflowClient.COMPLETION_TIMEOUT)
			.plus(slice.multipliedBy(concurrencies.size() * Workload.values().length));
		try (AutoCloseable alarm = this.watch.alarm(limit, "the stretch of client '" + client.name() + "'")) {
			long starting = System.nanoTime();
			startAndAwait(client);
			this.watch.awaitConnectedWorkers(1, DISCONNECT_TIMEOUT, "while only " + client.name() + "'s runs");
			line.append(String.format(Locale.ROOT, " [%s ready in %.1f s]", client.name(),
					(System.nanoTime() - starting) / 1e9));
			for (int threads : concurrencies) {
				for (Workload workload : Workload.values()) {
					SliceResult result = this.runner.run(unit(client, workload), threads, slice);
					if (results != null) {
						results.add(client.name(), workload, result);
					}
					line.append(String.format(Locale.ROOT, " %s/%s@%d=%.1f%s", client.name(), workload.label(),
							threads, result.operationsPerSecond(),
							(result.errors() > 0) ? "(" + result.errors() + " errors)" : ""));
				}
			}
			client.stopWorker();
			this.watch.awaitConnectedWorkers(0, DISCONNECT_TIMEOUT, "after " + client.name() + " stopped its worker");
		}
	}

	// The worker's stream opens asynchronously: one chain through it shows it takes work.
	private static void startAndAwait(WorkflowClient client) throws InterruptedException {
		client.startWorker();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (true) {
			try {
				int output = client.run(Workload.CHAIN, 0);
				if (output != Workload.CHAIN.expected(0)) {
					throw new IllegalStateException("Client '" + client.name() + "' computed " + output
							+ " for a chain from 0; expected " + Workload.CHAIN.expected(0));
				}
				return;
			}
			catch (IllegalStateException ex) {
				throw ex;
			}
			catch (Exception ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"Client '" + client.name() + "' completed no workflow within " + READY_TIMEOUT, ex);
				}
				Thread.sleep(200);
			}
		}
	}

	private static BenchmarkClient unit(WorkflowClient client, Workload workload) {
		return new BenchmarkClient() {

			@Override
			public String name() {
				return client.name() + " " + workload.label();
			}

			@Override
			public void run(int thread, long iteration) throws Exception {
				int input = thread * 1000 + (int) (iteration % 1000);
				int output = client.run(workload, input);
				if (output != workload.expected(input)) {
					throw new IllegalStateException(workload.label() + " from " + input + " computed " + output
							+ "; expected " + workload.expected(input));
				}
			}

		};
	}

}
