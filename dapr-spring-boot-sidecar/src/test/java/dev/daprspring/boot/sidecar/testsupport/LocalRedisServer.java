package dev.daprspring.boot.sidecar.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.process.ChildProcess;
import dev.daprspring.boot.sidecar.process.PortClashRetry;
import dev.daprspring.boot.sidecar.process.ProcessLog;
import dev.daprspring.boot.sidecar.process.ReadinessWait;
import org.springframework.util.FileSystemUtils;

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

	// Its shutdown hook stops the server if a test forgets close().
	private final ChildProcess process;

	private final int port;

	private final Path directory;

	private boolean stopped;

	private LocalRedisServer(ChildProcess process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
	}

	public static LocalRedisServer start() {
		Path binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst()
			.orElseThrow(() -> new IllegalStateException("redis-server not found (looked at " + CANDIDATES
					+ "); install the Debian package: apt-get install redis-server"));
		Path directory = TestServers.createDirectory("local-redis-");
		ProcessLog log = new ProcessLog(directory.resolve("redis.log"));
		try {
			return PortClashRetry.run("redis-server", log, (attempt) -> {
				int port = Ports.free();
				ChildProcess process = TestServers.start("local-redis-" + port,
						List.of(binary.toString(), "--port", Integer.toString(port), "--bind", HOST, "--save", "",
								"--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no"),
						directory, log, STOP_TIMEOUT, (environment) -> {
						});
				TestServers.awaitReady(process, () -> answersPing(port), STARTUP_TIMEOUT, log,
						binary + " (port " + port + ")", STOP_TIMEOUT);
				return new LocalRedisServer(process, port, directory);
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

	/** {@code 127.0.0.1:port}, the form Dapr's {@code redisHost} metadata expects. */
	public String address() {
		return HOST + ":" + this.port;
	}

	Path directory() {
		return this.directory;
	}

	/** Stops the server (SIGTERM, then SIGKILL after a timeout) and deletes its folder. */
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
		return "LocalRedisServer[" + address() + ", " + this.directory + "]";
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

}
