package dev.daprspring.boot.sidecar.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.Ports;

/**
 * A throwaway PostgreSQL server (Debian package {@code postgresql}): a fresh cluster made
 * by {@code initdb} in a temporary folder, served by {@code postgres} on a free port of
 * 127.0.0.1 with its unix socket in that folder. Durability is switched off for speed,
 * and no system service is used.
 *
 * <p>The superuser is {@code postgres}; connections over 127.0.0.1 are trusted, so any
 * password (including {@link #password()}) is accepted.
 *
 * <pre>
 * try (LocalPostgresServer postgres = LocalPostgresServer.start()) {
 *     // point a state.postgresql component at postgres.connectionString()
 * }
 * </pre>
 */
public final class LocalPostgresServer implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private static final String USER = "postgres";

	private static final String PASSWORD = "postgres";

	private static final String DATABASE = "postgres";

	private static final String READY_LINE = "database system is ready to accept connections";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

	private static final int BIND_ATTEMPTS = 3;

	private final Process process;

	private final int port;

	private final Path directory;

	private final Thread shutdownHook;

	private boolean stopped;

	private LocalPostgresServer(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
		// A test that forgets close() must not leave a server running after the JVM.
		this.shutdownHook = new Thread(this::stopProcessAndDeleteDirectory, "local-postgres-stop-" + port);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	public static LocalPostgresServer start() {
		Path bin = findBinDirectory();
		Path directory = createDirectory();
		try {
			List<String> runAs = runAsUnprivilegedUser(directory);
			Path data = directory.resolve("data");
			Path initdbLog = directory.resolve("initdb.log");
			int exit = run(command(runAs, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
					"--auth=trust", "--locale=C", "--encoding=UTF8", "--no-sync"), directory, initdbLog);
			if (exit != 0) {
				throw new IllegalStateException(
						"initdb exited with code " + exit + ". Last lines of " + initdbLog.getFileName() + ":\n" + tail(initdbLog));
			}
			Path log = directory.resolve("postgres.log");
			// The free port can be taken between probing and binding, so retry on a bind failure.
			for (int attempt = 1;; attempt++) {
				int port = Ports.free();
				Process process = launch(command(runAs, bin.resolve("postgres").toString(), "-D", data.toString(),
						"-p", Integer.toString(port), "-h", HOST, "-k", directory.toString(), "-c", "fsync=off", "-c",
						"synchronous_commit=off", "-c", "full_page_writes=off"), directory, log);
				String failure = awaitReady(process, port, log);
				if (failure == null) {
					return new LocalPostgresServer(process, port, directory);
				}
				stop(process);
				String tail = tail(log);
				if (attempt >= BIND_ATTEMPTS || !tail.contains("Address already in use")) {
					throw new IllegalStateException(bin.resolve("postgres") + " " + failure + " (port " + port
							+ "). Last lines of " + log.getFileName() + ":\n" + tail);
				}
			}
		}
		catch (RuntimeException ex) {
			deleteRecursively(directory);
			throw ex;
		}
	}

	public String host() {
		return HOST;
	}

	public int port() {
		return this.port;
	}

	public String user() {
		return USER;
	}

	public String password() {
		return PASSWORD;
	}

	public String database() {
		return DATABASE;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + HOST + ":" + this.port + "/" + DATABASE;
	}

	/** libpq key/value form, as Dapr's {@code state.postgresql} connectionString expects. */
	public String connectionString() {
		return "host=" + HOST + " port=" + this.port + " user=" + USER + " password=" + PASSWORD + " dbname="
				+ DATABASE + " sslmode=disable";
	}

	Path directory() {
		return this.directory;
	}

	/** Stops the server (fast shutdown, then SIGKILL after a timeout) and deletes its folder. */
	public void stop() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down; the hook stops the server.
		}
		stopProcessAndDeleteDirectory();
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return "LocalPostgresServer[" + HOST + ":" + this.port + ", " + this.directory + "]";
	}

	private synchronized void stopProcessAndDeleteDirectory() {
		if (!this.stopped) {
			this.stopped = true;
			stop(this.process);
			deleteRecursively(this.directory);
		}
	}

	/** The newest /usr/lib/postgresql/N/bin, else what {@code pg_config --bindir} says. */
	private static Path findBinDirectory() {
		List<Path> candidates = new ArrayList<>();
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			versions.filter((version) -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
				.sorted(Comparator.comparingDouble((Path version) -> Double.parseDouble(version.getFileName().toString()))
					.reversed())
				.forEach((version) -> candidates.add(version.resolve("bin")));
		}
		catch (IOException ex) {
			// No Debian layout; try pg_config below.
		}
		String pgConfigBin = pgConfigBinDirectory();
		if (pgConfigBin != null) {
			candidates.add(Path.of(pgConfigBin));
		}
		return candidates.stream()
			.filter((bin) -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries (initdb, postgres) not found in "
					+ candidates + "; install the Debian package: apt-get install postgresql"));
	}

	private static @Nullable String pgConfigBinDirectory() {
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (process.waitFor() == 0 && !output.isEmpty()) ? output : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * PostgreSQL refuses to run as root. As root, hand the folder to the {@code postgres}
	 * (else {@code nobody}) account and return a {@code setpriv} prefix that switches to
	 * it; {@code setpriv} execs in place, so the process we hold is postgres itself.
	 */
	private static List<String> runAsUnprivilegedUser(Path directory) {
		if (!isRoot()) {
			return List.of();
		}
		Path setpriv = Path.of("/usr/bin/setpriv");
		if (!Files.isExecutable(setpriv)) {
			throw new IllegalStateException(
					setpriv + " not found (needed to run PostgreSQL as non-root); install the Debian package util-linux");
		}
		String[] account = findAccount("postgres");
		if (account == null) {
			account = findAccount("nobody");
		}
		if (account == null) {
			throw new IllegalStateException("Running as root, but neither a 'postgres' nor a 'nobody' account exists "
					+ "in /etc/passwd to run PostgreSQL as");
		}
		int uid = Integer.parseInt(account[2]);
		int gid = Integer.parseInt(account[3]);
		try {
			Files.setAttribute(directory, "unix:uid", uid);
			Files.setAttribute(directory, "unix:gid", gid);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not hand " + directory + " to " + account[0], ex);
		}
		return List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
	}

	private static boolean isRoot() {
		try {
			// /proc/self belongs to this process's effective user.
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/** The /etc/passwd fields of an account, or {@code null}. */
	private static String @Nullable [] findAccount(String name) {
		try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
			return lines.map((line) -> line.split(":")).filter((fields) -> fields.length > 3 && fields[0].equals(name))
				.findFirst().orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static List<String> command(List<String> prefix, String... arguments) {
		List<String> command = new ArrayList<>(prefix);
		command.addAll(List.of(arguments));
		return command;
	}

	private static Process launch(List<String> command, Path directory, Path log) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		// Messages (and so the ready line we wait for) in English whatever the host locale.
		builder.environment().put("LC_ALL", "C");
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
	}

	private static int run(List<String> command, Path directory, Path log) {
		Process process = launch(command, directory, log);
		try {
			if (!process.waitFor(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish within " + STARTUP_TIMEOUT.toSeconds()
						+ "s. Last lines of " + log.getFileName() + ":\n" + tail(log));
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
	}

	/** Returns {@code null} once the server accepts connections, otherwise why it did not. */
	private static @Nullable String awaitReady(Process process, int port, Path log) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					return "exited with code " + process.exitValue() + " during startup";
				}
				// The port opens before recovery ends; the log line says when queries are accepted.
				if (tail(log).contains(READY_LINE) && accepts(port)) {
					return null;
				}
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "startup was interrupted";
		}
		return "was not ready within " + STARTUP_TIMEOUT.toSeconds() + "s";
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients (such as a daprd
	 * connection pool) instead of waiting for them like SIGTERM does.
	 */
	private static void stop(Process process) {
		try {
			if (!signalInterrupt(process)) {
				process.destroy();
			}
			if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				forceStop(process);
			}
		}
		catch (InterruptedException ex) {
			forceStop(process);
			Thread.currentThread().interrupt();
		}
	}

	private static boolean signalInterrupt(Process process) throws InterruptedException {
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return kill.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void forceStop(Process process) {
		// Backends exit by themselves once the postmaster is gone, but do not count on it.
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Path createDirectory() {
		try {
			return Files.createTempDirectory("local-postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary folder for PostgreSQL", ex);
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(could not read " + log + ": " + ex + ")";
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Already gone, or a leftover in the temp folder: neither should fail a test.
		}
	}

}
