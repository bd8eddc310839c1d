package dev.daprspring.boot.sidecar.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.Ports;

/**
 * A throwaway {@code redis-server} process (Debian package {@code redis-server}) on a
 * free port of 127.0.0.1, with its working directory and log in a temporary folder.
 * Nothing is persisted, and no system service is used.
 *
 * <pre>
 * try (LocalRedisServer redis = LocalRedisServer.start()) {
 *     // point a state.redis / pubsub.redis component at redis.address()
 * }
 * </pre>
 */
public final class LocalRedisServer implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/redis-server"),
			Path.of("/usr/local/bin/redis-server"), Path.of("/usr/sbin/redis-server"));

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final int BIND_ATTEMPTS = 3;

	private final Process process;

	private final int port;

	private final Path directory;

	private final Thread shutdownHook;

	private boolean stopped;

	private LocalRedisServer(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
		// A test that forgets close() must not leave a server running after the JVM.
		this.shutdownHook = new Thread(this::stopProcessAndDeleteDirectory, "local-redis-stop-" + port);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	public static LocalRedisServer start() {
		Path binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst()
			.orElseThrow(() -> new IllegalStateException("redis-server not found (looked at " + CANDIDATES
					+ "); install the Debian package: apt-get install redis-server"));
		Path directory = createDirectory();
		Path log = directory.resolve("redis.log");
		try {
			// The free port can be taken between probing and binding, so retry on a bind failure.
			for (int attempt = 1;; attempt++) {
				int port = Ports.free();
				Process process = launch(binary, port, directory, log);
				String failure = awaitReady(process, port);
				if (failure == null) {
					return new LocalRedisServer(process, port, directory);
				}
				stop(process);
				String tail = tail(log);
				if (attempt >= BIND_ATTEMPTS || !tail.contains("Address already in use")) {
					throw new IllegalStateException(
							binary + " " + failure + " (port " + port + "). Last lines of " + log.getFileName() + ":\n" + tail);
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

	/** {@code 127.0.0.1:port}, the form Dapr's {@code redisHost} metadata expects. */
	public String address() {
		return HOST + ":" + this.port;
	}

	Path directory() {
		return this.directory;
	}

	/** Stops the server (SIGTERM, then SIGKILL after a timeout) and deletes its folder. */
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
		return "LocalRedisServer[" + address() + ", " + this.directory + "]";
	}

	private synchronized void stopProcessAndDeleteDirectory() {
		if (!this.stopped) {
			this.stopped = true;
			stop(this.process);
			deleteRecursively(this.directory);
		}
	}

	private static Process launch(Path binary, int port, Path directory, Path log) {
		ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind",
				HOST, "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no")
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + binary, ex);
		}
	}

	/** Returns {@code null} once the server answers PING, otherwise why it did not. */
	private static @Nullable String awaitReady(Process process, int port) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					return "exited with code " + process.exitValue() + " during startup";
				}
				if (answersPing(port)) {
					return null;
				}
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "startup was interrupted";
		}
		return "did not answer PING within " + STARTUP_TIMEOUT.toSeconds() + "s";
	}

	private static boolean answersPing(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 500);
			socket.setSoTimeout(1000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(5);
			return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static Path createDirectory() {
		try {
			return Files.createTempDirectory("local-redis-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary folder for redis-server", ex);
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
