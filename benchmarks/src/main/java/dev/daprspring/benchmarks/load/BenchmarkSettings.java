package dev.daprspring.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long and how often each client is measured, read from {@code --name=value}
 * arguments.
 *
 * @param rounds how many measured slices each client gets at each concurrency
 * @param slice how long one measured slice lasts
 * @param warmup how long each client runs at each concurrency before the first round
 * @param concurrencies the numbers of threads, lowest first
 * @param clients the clients to run, by name; empty for all
 */
public record BenchmarkSettings(int rounds, Duration slice, Duration warmup, List<Integer> concurrencies,
		List<String> clients) {

	/** The arguments {@link #parse} understands, for usage messages. */
	public static final String USAGE = "[--rounds=9] [--slice=2] [--warmup=3] [--threads=1,32] "
			+ "[--clients=name,name] (times in seconds)";

	public BenchmarkSettings {
		check(rounds >= 1, "--rounds must be at least 1; got " + rounds);
		check(!slice.isNegative() && !slice.isZero(), "--slice must be positive; got " + slice);
		check(!warmup.isNegative(), "--warmup must not be negative; got " + warmup);
		check(!concurrencies.isEmpty() && concurrencies.stream().allMatch((c) -> c >= 1),
				"--threads must list positive numbers, for example 1,32; got " + concurrencies);
		concurrencies = concurrencies.stream().sorted().distinct().toList();
		clients = List.copyOf(clients);
	}

	/**
	 * Reads settings; what is not given keeps the defaults shown in {@link #USAGE}.
	 * @param args the arguments, each {@code --name=value}
	 * @return the settings
	 * @throws IllegalArgumentException naming an argument that is unknown or malformed
	 */
	public static BenchmarkSettings parse(String... args) {
		// Many short rounds: the median shrugs off a burst of load from other programs.
		int rounds = 9;
		Duration slice = Duration.ofSeconds(2);
		Duration warmup = Duration.ofSeconds(3);
		List<Integer> concurrencies = List.of(1, 32);
		List<String> clients = List.of();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			check(arg.startsWith("--") && equals > 2, "Unknown argument '" + arg + "'; expected " + USAGE);
			String name = arg.substring(2, equals);
			String value = arg.substring(equals + 1);
			switch (name) {
				case "rounds" -> rounds = number(arg, value);
				case "slice" -> slice = seconds(arg, value);
				case "warmup" -> warmup = seconds(arg, value);
				case "threads" -> concurrencies = numbers(arg, value);
				case "clients" -> clients = Arrays.stream(value.split(",")).map(String::trim).toList();
				default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'; expected " + USAGE);
			}
		}
		return new BenchmarkSettings(rounds, slice, warmup, concurrencies, clients);
	}

	/**
	 * Reads settings for a benchmark's {@code main}; on a bad argument prints what is wrong
	 * and exits with status 2.
	 * @param benchmark the benchmark's name in {@code benchmarks/run}, for the message
	 * @param args the arguments, each {@code --name=value}; later ones win
	 * @return the settings
	 */
	public static BenchmarkSettings parseOrExit(String benchmark, String... args) {
		try {
			return parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("benchmarks/run " + benchmark + ": " + ex.getMessage());
			System.exit(2);
			throw ex;
		}
	}

	/**
	 * The machine and the schedule, for the first line of a benchmark's output: for example
	 * {@code Java 17.0.15; 2 cores; 9 rounds of 2.0 s per client and concurrency after 3.0 s warm-up}.
	 */
	public String describe() {
		return String.format(Locale.ROOT,
				"Java %s; %d cores; %d rounds of %.1f s per client and concurrency after %.1f s warm-up",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), this.rounds,
				this.slice.toMillis() / 1000.0, this.warmup.toMillis() / 1000.0);
	}

	/** The highest concurrency, the size of the thread pool. */
	public int maxConcurrency() {
		return this.concurrencies.get(this.concurrencies.size() - 1);
	}

	/**
	 * The clients these settings select: the defaults unless {@code --clients} names
	 * others, in the order named.
	 * @param defaults the clients run when none is named
	 * @param optional further clients run only when named, for example variants that
	 * show where time goes
	 * @return the selected clients
	 * @throws IllegalArgumentException naming a client that is neither
	 */
	public List<BenchmarkClient> select(List<BenchmarkClient> defaults, List<BenchmarkClient> optional) {
		if (this.clients.isEmpty()) {
			return defaults;
		}
		List<BenchmarkClient> known = new ArrayList<>(defaults);
		known.addAll(optional);
		List<BenchmarkClient> selected = new ArrayList<>();
		for (String name : this.clients) {
			selected.add(known.stream()
				.filter((client) -> client.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown client '" + name + "' in --clients; known: "
						+ known.stream().map(BenchmarkClient::name).toList())));
		}
		return selected;
	}

	private static int number(String arg, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + arg + "' needs a whole number, for example --rounds=9", ex);
		}
	}

	private static List<Integer> numbers(String arg, String value) {
		return Arrays.stream(value.split(",")).map((part) -> number(arg, part)).toList();
	}

	private static Duration seconds(String arg, String value) {
		try {
			return Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + arg + "' needs seconds, for example --slice=3 or --slice=0.5",
					ex);
		}
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
