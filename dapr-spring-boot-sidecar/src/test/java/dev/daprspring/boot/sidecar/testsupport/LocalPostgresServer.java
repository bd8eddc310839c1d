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
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.process.ChildProcess;
import dev.daprspring.boot.sidecar.process.PortClashRetry;
import dev.daprspring.boot.sidecar.process.ProcessLog;
import org.springframework.util.FileSystemUtils;

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

	// Its shutdown hook stops the server if a test forgets close().
	private final ChildProcess process;

	private final int port;

	private final Path directory;

	private boolean stopped;

	private LocalPostgresServer(ChildProcess process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
	}

	public static LocalPostgresServer start() {
		Path bin = findBinDirectory();
		Path directory = TestServers.createDirectory("local-postgres-");
		try {
			List<String> runAs = runAsUnprivilegedUser(directory);
			Path data = directory.resolve("data");
			TestServers.run("initdb", command(runAs, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
					"--auth=trust", "--locale=C", "--encoding=UTF8", "--no-sync"), directory,
					new ProcessLog(directory.resolve("initdb.log")), STARTUP_TIMEOUT, LocalPostgresServer::english);
			ProcessLog log = new ProcessLog(directory.resolve("postgres.log"));
			return PortClashRetry.run("postgres", log, (attempt) -> {
				int port = Ports.free();
				ChildProcess process = TestServers
					.start("local-postgres-" + port, command(runAs, bin.resolve("postgres").toString(), "-D",
							data.toString(), "-p", Integer.toString(port), "-h", HOST, "-k", directory.toString(), "-c",
							"fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"), directory, log,
							STOP_TIMEOUT, LocalPostgresServer::english)
					.stoppedBy(LocalPostgresServer::fastShutdown);
				// The port opens before recovery ends; the log line says when queries are accepted.
				TestServers.awaitReady(process, () -> log.tail(20).contains(READY_LINE) && accepts(port),
						STARTUP_TIMEOUT, log, bin.resolve("postgres") + " (port " + port + ")", STOP_TIMEOUT);
				return new LocalPostgresServer(process, port, directory);
			});
		}
		catch (RuntimeException ex) {
			FileSystemUtils.deleteRecursively(directory.toFile());
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
	public synchronized void stop() {
		if (!this.stopped) {
			this.stopped = true;
			this.process.discard(STOP_TIMEOUT);
			FileSystemUtils.deleteRecursively(this.directory.toFile());
		}
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return "LocalPostgresServer[" + HOST + ":" + this.port + ", " + this.directory + "]";
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

	// Messages (and so the ready line waited for) in English whatever the host locale.
	private static void english(Map<String, String> environment) {
		environment.put("LC_ALL", "C");
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
	private static void fastShutdown(Process process) {
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (kill.waitFor() == 0) {
				return;
			}
		}
		catch (IOException ex) {
			// No kill command: SIGTERM below.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process.destroy();
	}

}
