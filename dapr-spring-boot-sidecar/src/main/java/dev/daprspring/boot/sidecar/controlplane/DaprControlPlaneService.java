package dev.daprspring.boot.sidecar.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.DaprSidecarException;
import dev.daprspring.boot.sidecar.DaprdBinary;
import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.process.ChildProcess;
import dev.daprspring.boot.sidecar.process.HttpReadinessCheck;
import dev.daprspring.boot.sidecar.process.ProcessLog;
import dev.daprspring.boot.sidecar.process.ReadinessWait;
import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;

/**
 * A Dapr control-plane service run as a child process: its binary found beside
 * {@code daprd}, free ports chosen at the first start and kept across restarts, its log
 * appended to a file (the last lines go into any startup error), ready when its healthz
 * server answers, stopped with SIGTERM and then SIGKILL.
 */
public abstract class DaprControlPlaneService implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(DaprControlPlaneService.class);

	private static final int LOG_LINES_IN_ERRORS = 40;

	private static final Duration GRACE = Duration.ofSeconds(10);

	private final String name;

	private final @Nullable Path binary;

	private final Duration startupTimeout;

	private final Path workDirectory;

	private final ProcessLog log;

	private int port;

	private int healthzPort;

	private int metricsPort;

	private @Nullable ChildProcess process;

	DaprControlPlaneService(String name, @Nullable Path binary, int port, Duration startupTimeout) {
		Assert.isTrue(port >= 0 && port < 65536, () -> name + " port " + port + " is not a TCP port (0 for a free one)");
		this.name = name;
		this.binary = binary;
		this.port = port;
		this.startupTimeout = startupTimeout;
		try {
			this.workDirectory = Files.createTempDirectory("dapr-" + name + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a work folder for " + name, ex);
		}
		this.log = new ProcessLog(this.workDirectory.resolve(name + ".log"));
	}

	/**
	 * Starts the service and waits until its healthz server answers.
	 * @throws dev.daprspring.boot.sidecar.DaprdNotFoundException if its binary is not beside daprd
	 * @throws DaprSidecarException if it exits or is not ready within the startup timeout
	 */
	public synchronized void start() {
		Assert.state(this.process == null, () -> this.name + " is already running");
		Path executable = DaprdBinary.locateBeside(this.name, this.binary);
		if (this.port != 0 && this.healthzPort == 0 && !Ports.isAvailable(this.port)) {
			throw new DaprSidecarException("Cannot start " + this.name + ": its port " + this.port
					+ " is already in use by another process. Choose another port, or 0 for a free one.");
		}
		if (this.healthzPort == 0) {
			// Chosen once: sidecars keep the address across a restart.
			int[] free = Ports.free(3 + extraPortCount());
			this.port = (this.port != 0) ? this.port : free[0];
			this.healthzPort = free[1];
			this.metricsPort = free[2];
			assignExtraPorts(Arrays.copyOfRange(free, 3, free.length));
		}
		List<String> command = new ArrayList<>(List.of(executable.toString(), "--port", String.valueOf(this.port),
				"--healthz-port", String.valueOf(this.healthzPort), "--metrics-port", String.valueOf(this.metricsPort)));
		command.addAll(arguments(this.workDirectory));
		long started = System.nanoTime();
		launch(command);
		awaitHealthy();
		logger.info("Started " + this.name + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
				+ " ms (address " + address() + ", log " + this.log.file() + ")");
	}

	/** Stops the service: SIGTERM, then SIGKILL after 10 seconds. Does nothing when not running. */
	public synchronized void stop() {
		ChildProcess running = this.process;
		this.process = null;
		if (running != null) {
			running.discard(GRACE);
		}
	}

	/** Stops and starts the service again on the same ports, with the data it keeps. */
	public synchronized void restart() {
		stop();
		start();
	}

	/** Stops the service and deletes its work folder (its log and data). */
	@Override
	public synchronized void close() {
		stop();
		FileSystemUtils.deleteRecursively(this.workDirectory.toFile());
	}

	public boolean isRunning() {
		ChildProcess running = this.process;
		return running != null && running.isAlive();
	}

	/** The address sidecars are given, for example {@code 127.0.0.1:50005}; known once started. */
	public String address() {
		Assert.state(this.port != 0, () -> this.name + " has not been started, so it has no port yet");
		return "127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public int healthzPort() {
		return this.healthzPort;
	}

	/** The file the service's output is appended to, across restarts. */
	public Path logFile() {
		return this.log.file();
	}

	/** The last lines of the service's log. */
	public String logTail(int lines) {
		return this.log.tail(lines);
	}

	/** How many ports besides the gRPC, healthz and metrics ports the service needs. */
	int extraPortCount() {
		return 0;
	}

	/** Takes the extra free ports, once, at the first start. */
	void assignExtraPorts(int[] ports) {
	}

	/** The service's own arguments after the common ports. */
	abstract List<String> arguments(Path workDirectory);

	private void launch(List<String> command) {
		try {
			this.process = ChildProcess.start("dapr-" + this.name, command, this.workDirectory, this.log, GRACE,
					(environment) -> {
					});
		}
		catch (IOException ex) {
			throw new DaprSidecarException("Could not run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
	}

	private void awaitHealthy() {
		ChildProcess running = this.process;
		Assert.state(running != null, () -> this.name + " is not running");
		HttpReadinessCheck healthz = new HttpReadinessCheck(
				URI.create("http://127.0.0.1:" + this.healthzPort + "/healthz"), Duration.ofSeconds(2));
		ReadinessWait.Outcome outcome;
		try {
			outcome = ReadinessWait.await(running, healthz, System.nanoTime() + this.startupTimeout.toNanos());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stop();
			throw new DaprSidecarException("Interrupted while waiting for " + this.name, ex);
		}
		if (outcome == ReadinessWait.Outcome.READY) {
			return;
		}
		stop();
		String failure = (outcome == ReadinessWait.Outcome.EXITED) ? running.describeExit() + " before it was ready"
				: "did not answer /healthz on port " + this.healthzPort + " within " + this.startupTimeout;
		throw new DaprSidecarException(this.name + " " + failure + ". " + this.log.excerpt(LOG_LINES_IN_ERRORS));
	}

	@Override
	public String toString() {
		return this.name + "[" + ((this.port != 0) ? address() : "not started") + "]";
	}

}
