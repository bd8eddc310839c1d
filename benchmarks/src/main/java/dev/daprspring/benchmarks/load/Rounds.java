package dev.daprspring.benchmarks.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Measures several clients fairly in one run: each is warmed up, then every round gives
 * each client one slice at each concurrency, the clients' order rotating from round to
 * round so that none always runs first or last.
 */
public final class Rounds {

	private final LoadRunner runner;

	private final BenchmarkSettings settings;

	private final PrintStream progress;

	public Rounds(LoadRunner runner, BenchmarkSettings settings, PrintStream progress) {
		this.runner = runner;
		this.settings = settings;
		this.progress = progress;
	}

	/**
	 * Warms up and measures the clients.
	 * @param clients the clients, each already able to do its work
	 * @return every measured slice
	 */
	public Measurements run(List<BenchmarkClient> clients) throws InterruptedException {
		if (!this.settings.warmup().isZero()) {
			// Two passes: whichever client runs first pays for compiling the code all clients
			// share (gRPC, Netty, Jackson), and the second pass gives every client a warm JVM.
			Duration half = this.settings.warmup().dividedBy(2);
			StringBuilder line = new StringBuilder("warm-up:");
			for (int pass = 0; pass < 2; pass++) {
				for (BenchmarkClient client : clients) {
					// Highest concurrency first: it compiles the hot paths fastest.
					List<Integer> concurrencies = this.settings.concurrencies();
					for (int i = concurrencies.size() - 1; i >= 0; i--) {
						SliceResult result = this.runner.run(client, concurrencies.get(i), half);
						if (pass == 1) {
							line.append(describe(result));
						}
					}
				}
			}
			this.progress.println(line);
		}
		Measurements measurements = new Measurements();
		for (int round = 0; round < this.settings.rounds(); round++) {
			StringBuilder line = new StringBuilder("round " + (round + 1) + "/" + this.settings.rounds() + ":");
			for (int threads : this.settings.concurrencies()) {
				for (int i = 0; i < clients.size(); i++) {
					BenchmarkClient client = clients.get((i + round) % clients.size());
					SliceResult result = this.runner.run(client, threads, this.settings.slice());
					measurements.add(result);
					line.append(describe(result));
				}
			}
			this.progress.println(line);
		}
		return measurements;
	}

	/**
	 * Runs each client's unit of work once, before anything is measured, so that a client
	 * that cannot work at all fails at once, by name.
	 * @param clients the clients
	 * @throws IllegalStateException naming the first client that failed
	 */
	public static void checkEachWorks(List<BenchmarkClient> clients) {
		for (BenchmarkClient client : clients) {
			try {
				client.run(0, 0);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Client '" + client.name() + "' cannot do one unit of work: " + ex, ex);
			}
		}
	}

	private static String describe(SliceResult result) {
		return String.format(Locale.ROOT, " %s@%d=%.0f%s", result.client(), result.threads(),
				result.operationsPerSecond(), (result.errors() > 0) ? "(" + result.errors() + " errors)" : "");
	}

}
