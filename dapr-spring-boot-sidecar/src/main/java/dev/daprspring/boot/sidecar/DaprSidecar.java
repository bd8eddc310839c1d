package dev.daprspring.boot.sidecar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.process.ChildProcess;
import dev.daprspring.boot.sidecar.process.PortClashRetry;
import dev.daprspring.boot.sidecar.process.ProcessLog;
import dev.daprspring.boot.sidecar.process.ReadinessCheck;
import dev.daprspring.boot.sidecar.process.ReadinessWait;
import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;

/**
 * A real {@code daprd} run as a child process of this JVM: components written to a
 * resources folder, free or chosen ports, its log captured to a file, started when it
 * answers its health endpoints, stopped through {@code /v1.0/shutdown}.
 *
 * <pre class="code">
 * try (DaprSidecar dapr = DaprSidecar.builder("orders")
 *         .component(DaprComponents.inMemoryState("statestore"))
 *         .start()) {
 *     String grpc = dapr.grpcEndpoint();
 * }
 * </pre>
 */
public final class DaprSidecar implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(DaprSidecar.class);

	private static final int LOG_LINES_IN_ERRORS = 40;

	// SIGTERM's grace once the shutdown request has had its time.
	private static final Duration KILL_GRACE = Duration.ofSeconds(5);

	private final DaprSidecarSettings settings;

	private final Path workDirectory;

	private final SidecarResources resources;

	private final ProcessLog log;

	// HTTP/1.1: daprd (1.17.5) answers a shutdown request that upgrades to h2c but does not act on it.
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private SidecarPorts ports;

	private @Nullable ChildProcess process;

	private final @Nullable SidecarSockets sockets;

	private DaprSidecar(DaprSidecarSettings settings) {
		this.settings = settings;
		this.ports = settings.ports();
		try {
			this.workDirectory = (settings.workDirectory() != null) ? Files.createDirectories(settings.workDirectory())
					: Files.createTempDirectory("daprd-" + settings.appId() + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a work folder for daprd", ex);
		}
		this.resources = new SidecarResources(settings, this.workDirectory);
		this.log = new ProcessLog(this.workDirectory.resolve("daprd.log"));
		this.sockets = settings.unixDomainSockets() ? SidecarSockets.create(settings.appId()) : null;
	}

	/**
	 * Starts describing a sidecar for an app.
	 * @param appId the Dapr app id (no dots)
	 * @return a builder
	 */
	public static Builder builder(String appId) {
		return new Builder(appId);
	}

	/**
	 * Starts daprd and waits until it serves API calls, and also until it is healthy when
	 * it has no app port to wait for.
	 * @return this sidecar
	 * @throws DaprdNotFoundException if no daprd executable can be found
	 * @throws DaprSidecarException if daprd exits or is not ready within the startup timeout
	 */
	public synchronized DaprSidecar start() {
		Assert.state(!isRunning(), "Sidecar " + this.settings.appId() + " is already running");
		// A daprd that exited on its own is forgotten, so that it can be started again.
		discardProcess();
		Path daprd = DaprdBinary.locate(this.settings.daprd());
		List<String> folders = this.resources.write();
		this.settings.ports().requireChosenFree(this.settings.appId(), this.settings.metrics());
		if (!this.settings.ports().hasFreeChoice()) {
			return attempt(daprd, folders, 1);
		}
		return PortClashRetry.run("daprd for app '" + this.settings.appId() + "'", this.log,
				(number) -> attempt(daprd, folders, number));
	}

	private DaprSidecar attempt(Path daprd, List<String> folders, int number) {
		if (number > 1) {
			// Ports chosen free for the failed attempt are chosen again.
			this.ports = this.settings.ports();
		}
		this.ports = this.ports.withFreeChoices(this.settings.appPort());
		long started = System.nanoTime();
		launch(DaprdCommandLine.of(daprd, this.settings, this.ports, folders, this.resources.configFile(),
				this.sockets != null ? this.sockets.prepare() : null));
		try {
			awaitReady();
		}
		catch (DaprSidecarException ex) {
			discardProcess();
			throw ex;
		}
		logger.info("Started daprd for app '" + this.settings.appId() + "' in "
				+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms (http " + httpEndpoint()
				+ ", grpc " + grpcEndpoint() + ", log " + this.log.file() + ")");
		return this;
	}

	/**
	 * Waits until {@code /v1.0/healthz} answers 204, which with an app port also means
	 * daprd has reached the app.
	 * @param timeout how long to wait
	 */
	public void awaitHealthy(Duration timeout) {
		await(DaprdHealth.healthz(healthEndpoint()), DaprdHealth.HEALTHZ_PATH, System.nanoTime() + timeout.toNanos(),
				timeout);
	}

	/**
	 * Stops daprd: {@code POST /v1.0/shutdown}, then SIGTERM and SIGKILL if it is still
	 * running after the shutdown timeout. Does nothing when not running.
	 */
	public synchronized void stop() {
		ChildProcess running = this.process;
		if (running == null) {
			return;
		}
		try {
			if (running.isAlive()) {
				if (this.sockets != null) {
					// /v1.0/shutdown is on the socket, where the JDK's client cannot go; SIGTERM
					// makes daprd shut down the same graceful way.
					running.toHandle().destroy();
				}
				else {
					requestShutdown();
				}
				if (!running.waitFor(this.settings.shutdownTimeout())) {
					logger.warn("daprd for app '" + this.settings.appId() + "' did not stop within "
							+ this.settings.shutdownTimeout() + ", terminating it");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			discardProcess();
		}
	}

	/** Stops and starts daprd again on the same ports with the same components. */
	public synchronized void restart() {
		stop();
		start();
	}

	/** Stops daprd and deletes its work folder (which holds the log). */
	@Override
	public synchronized void close() {
		stop();
		if (this.settings.workDirectory() == null) {
			FileSystemUtils.deleteRecursively(this.workDirectory.toFile());
		}
		if (this.sockets != null) {
			this.sockets.delete();
		}
	}

	public boolean isRunning() {
		ChildProcess running = this.process;
		return running != null && running.isAlive();
	}

	/** The daprd process while it runs, for example to kill it in a test of a sidecar that dies. */
	public Optional<ProcessHandle> processHandle() {
		ChildProcess running = this.process;
		return (running != null && running.isAlive()) ? Optional.of(running.toHandle()) : Optional.empty();
	}

	public String appId() {
		return this.settings.appId();
	}

	public int httpPort() {
		return this.ports.http();
	}

	public int grpcPort() {
		return this.ports.grpc();
	}

	public int internalGrpcPort() {
		return this.ports.internalGrpc();
	}

	public int metricsPort() {
		return this.ports.metrics();
	}

	/**
	 * The API's HTTP endpoint, for example {@code http://127.0.0.1:3500}, or on Unix domain
	 * sockets {@code unix:/tmp/daprd-sockets-…/dapr-orders-http.socket}.
	 */
	public String httpEndpoint() {
		return (this.sockets != null) ? this.sockets.httpEndpoint() : "http://127.0.0.1:" + this.ports.http();
	}

	/**
	 * The API's gRPC endpoint, for example {@code http://127.0.0.1:50001}, or on Unix domain
	 * sockets {@code unix:/tmp/daprd-sockets-…/dapr-orders-grpc.socket}.
	 */
	public String grpcEndpoint() {
		return (this.sockets != null) ? this.sockets.grpcEndpoint() : "http://127.0.0.1:" + this.ports.grpc();
	}

	/**
	 * Where {@code /v1.0/healthz} answers over TCP: the API's HTTP port, which on Unix
	 * domain sockets daprd's public server (health endpoints only) takes.
	 */
	public String healthEndpoint() {
		return "http://127.0.0.1:" + this.ports.http();
	}

	/** Whether the APIs are served on Unix domain sockets. */
	public boolean usesUnixDomainSockets() {
		return this.sockets != null;
	}

	/** The Prometheus endpoint, or {@code null} when metrics are off. */
	public @Nullable String metricsEndpoint() {
		return this.settings.metrics() ? "http://127.0.0.1:" + this.ports.metrics() + "/" : null;
	}

	public @Nullable String apiToken() {
		return this.settings.apiToken();
	}

	public @Nullable Integer appPort() {
		return this.settings.appPort();
	}

	/** The path daprd probes the app's health at, or {@code null} when it does not. */
	public @Nullable String appHealthCheckPath() {
		return this.settings.appHealthCheckPath();
	}

	/** The file daprd's output is appended to, across restarts. */
	public Path logFile() {
		return this.log.file();
	}

	/** The folder holding the generated component files. */
	public Path resourcesDirectory() {
		return this.resources.componentsDirectory();
	}

	/** The last lines of daprd's log. */
	public String logTail(int lines) {
		return this.log.tail(lines);
	}

	// Package-private for the test that a failed start leaves no process (and so no hook) behind.
	boolean holdsProcess() {
		return this.process != null;
	}

	private void launch(List<String> command) {
		try {
			this.process = ChildProcess.start("daprd-" + this.settings.appId(), command, this.workDirectory, this.log,
					KILL_GRACE, this::environment);
		}
		catch (IOException ex) {
			throw new DaprSidecarException("Could not run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
	}

	private void environment(Map<String, String> env) {
		// A token from the developer's shell must not leak into a sidecar that was given none.
		env.remove("DAPR_API_TOKEN");
		env.remove("APP_API_TOKEN");
		if (this.settings.apiToken() != null) {
			env.put("DAPR_API_TOKEN", this.settings.apiToken());
		}
		if (this.settings.appApiToken() != null) {
			env.put("APP_API_TOKEN", this.settings.appApiToken());
		}
		env.putAll(this.settings.environment());
	}

	// Kills the process, if any, and removes its shutdown hook: one hook at most per sidecar.
	private void discardProcess() {
		ChildProcess running = this.process;
		this.process = null;
		if (running != null) {
			running.discard(KILL_GRACE);
		}
	}

	private void awaitReady() {
		Duration timeout = this.settings.startupTimeout();
		long deadline = System.nanoTime() + timeout.toNanos();
		await(DaprdHealth.outbound(healthEndpoint()), DaprdHealth.OUTBOUND_PATH, deadline, timeout);
		if (this.settings.appPort() == null) {
			await(DaprdHealth.healthz(healthEndpoint()), DaprdHealth.HEALTHZ_PATH, deadline, timeout);
		}
	}

	private void await(ReadinessCheck check, String path, long deadline, Duration timeout) {
		ChildProcess running = this.process;
		if (running == null) {
			throw new DaprSidecarException("daprd for app '" + this.settings.appId() + "' is not running before it "
					+ "was ready. " + this.log.excerpt(LOG_LINES_IN_ERRORS));
		}
		ReadinessWait.Outcome outcome;
		try {
			outcome = ReadinessWait.await(running, check, deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DaprSidecarException("Interrupted while waiting for daprd", ex);
		}
		if (outcome == ReadinessWait.Outcome.EXITED) {
			throw new DaprSidecarException("daprd for app '" + this.settings.appId() + "' " + running.describeExit()
					+ " before it was ready. " + this.log.excerpt(LOG_LINES_IN_ERRORS));
		}
		if (outcome == ReadinessWait.Outcome.TIMED_OUT) {
			throw new DaprSidecarException("daprd for app '" + this.settings.appId() + "' did not answer " + path
					+ " within " + timeout + ". " + this.log.excerpt(LOG_LINES_IN_ERRORS));
		}
	}

	private void requestShutdown() {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(httpEndpoint() + "/v1.0/shutdown"))
			.timeout(Duration.ofSeconds(2))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (this.settings.apiToken() != null) {
			request.header("dapr-api-token", this.settings.apiToken());
		}
		try {
			this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			logger.debug("Shutdown request to daprd failed, it will be terminated: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "DaprSidecar[" + this.settings.appId() + ", http " + httpEndpoint() + ", grpc " + grpcEndpoint() + "]";
	}

	/**
	 * Describes a sidecar. Ports left at 0 are chosen free at start and kept across
	 * restarts.
	 */
	public static final class Builder {

		private final String appId;

		private @Nullable Path daprd;

		private @Nullable Integer appPort;

		private @Nullable String appProtocol;

		private @Nullable String appHealthCheckPath;

		private int httpPort;

		private int grpcPort;

		private int internalGrpcPort;

		private int metricsPort;

		private boolean metrics = true;

		private boolean unixDomainSockets;

		private final Map<String, DaprComponent> components = new LinkedHashMap<>();

		private final List<Path> resourcesPaths = new ArrayList<>();

		private @Nullable String configuration;

		private @Nullable String apiToken;

		private @Nullable String appApiToken;

		private String logLevel = "info";

		private Duration startupTimeout = Duration.ofSeconds(30);

		private Duration shutdownTimeout = Duration.ofSeconds(10);

		private final List<String> arguments = new ArrayList<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private @Nullable Path workDirectory;

		private @Nullable String placementAddress;

		private @Nullable String schedulerAddress;

		private Builder(String appId) {
			Assert.hasText(appId, "App id must not be empty");
			Assert.isTrue(!appId.contains("."), () -> "App id '" + appId + "' must not contain dots");
			this.appId = appId;
		}

		/**
		 * The placement service daprd registers with for actors and workflows, as
		 * {@code host:port}, for example {@code DaprPlacement.address()}; none by default
		 * (actors disabled).
		 */
		public Builder placement(@Nullable String address) {
			this.placementAddress = address;
			return this;
		}

		/**
		 * The scheduler daprd uses for reminders, jobs and workflows, as {@code host:port},
		 * for example {@code DaprScheduler.address()}; none by default.
		 */
		public Builder scheduler(@Nullable String address) {
			this.schedulerAddress = address;
			return this;
		}

		/** The daprd executable; by default found as {@link DaprdBinary#locate} describes. */
		public Builder daprd(@Nullable Path daprd) {
			this.daprd = daprd;
			return this;
		}

		/** The port the app listens on, for daprd to call it; none by default. */
		public Builder appPort(@Nullable Integer appPort) {
			this.appPort = appPort;
			return this;
		}

		/** How daprd talks to the app: http (default), https, grpc, grpcs or h2c. */
		public Builder appProtocol(@Nullable String appProtocol) {
			this.appProtocol = appProtocol;
			return this;
		}

		/**
		 * Makes daprd probe the app's health at this HTTP path (or the gRPC health check of
		 * a gRPC app) and stop delivering to the app while it is unhealthy; off by default.
		 */
		public Builder appHealthCheck(@Nullable String path) {
			this.appHealthCheckPath = path;
			return this;
		}

		/** The API's HTTP port; 0 (default) for a free one. */
		public Builder httpPort(int port) {
			this.httpPort = port;
			return this;
		}

		/** The API's gRPC port; 0 (default) for a free one. */
		public Builder grpcPort(int port) {
			this.grpcPort = port;
			return this;
		}

		/** The port sidecars call each other on; 0 (default) for a free one. */
		public Builder internalGrpcPort(int port) {
			this.internalGrpcPort = port;
			return this;
		}

		/** The Prometheus port; 0 (default) for a free one. */
		public Builder metricsPort(int port) {
			this.metricsPort = port;
			return this;
		}

		/** Whether daprd serves Prometheus metrics (default true). */
		public Builder metrics(boolean enabled) {
			this.metrics = enabled;
			return this;
		}

		/** Adds a component; a later one with the same name replaces an earlier one. */
		public Builder component(DaprComponent component) {
			this.components.put(component.name(), component);
			return this;
		}

		/** Adds components. */
		public Builder components(Iterable<DaprComponent> components) {
			components.forEach(this::component);
			return this;
		}

		/** Adds a folder of the user's own component and resource files. */
		public Builder resourcesPath(Path folder) {
			this.resourcesPaths.add(folder);
			return this;
		}

		/** A Dapr {@code Configuration} YAML document (tracing, features, access control). */
		public Builder configuration(@Nullable String yaml) {
			this.configuration = yaml;
			return this;
		}

		/** The token every API call must carry as {@code dapr-api-token}. */
		public Builder apiToken(@Nullable String token) {
			this.apiToken = token;
			return this;
		}

		/** The token daprd sends to the app, so the app can reject other callers. */
		public Builder appApiToken(@Nullable String token) {
			this.appApiToken = token;
			return this;
		}

		/** daprd's log level: debug, info (default), warn or error. */
		public Builder logLevel(String level) {
			this.logLevel = level;
			return this;
		}

		/** How long start may take before it fails (default 30 s). */
		public Builder startupTimeout(Duration timeout) {
			this.startupTimeout = timeout;
			return this;
		}

		/** How long a graceful stop may take before daprd is terminated (default 10 s). */
		public Builder shutdownTimeout(Duration timeout) {
			this.shutdownTimeout = timeout;
			return this;
		}

		/** Adds daprd command-line arguments, for flags this builder has no method for. */
		public Builder arguments(String... arguments) {
			this.arguments.addAll(List.of(arguments));
			return this;
		}

		/** Adds an environment variable for daprd. */
		public Builder environment(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		/**
		 * Serves the HTTP and gRPC APIs on Unix domain sockets in a new temporary folder
		 * instead of TCP (Linux and macOS); the HTTP port then serves only the health
		 * endpoints. Clients need {@code unix:} endpoint support; see {@link #httpEndpoint()}.
		 */
		public Builder unixDomainSockets(boolean enabled) {
			this.unixDomainSockets = enabled;
			return this;
		}

		/** The folder for generated files and the log; a new temporary folder by default. */
		public Builder workDirectory(@Nullable Path folder) {
			this.workDirectory = folder;
			return this;
		}

		/** Builds the sidecar without starting it; later changes to this builder do not affect it. */
		public DaprSidecar build() {
			return new DaprSidecar(settings());
		}

		DaprSidecarSettings settings() {
			return new DaprSidecarSettings(this.appId, this.daprd, this.appPort, this.appProtocol,
					this.appHealthCheckPath,
					new SidecarPorts(this.httpPort, this.grpcPort, this.internalGrpcPort, this.metricsPort),
					this.metrics, this.components, this.resourcesPaths, this.configuration, this.apiToken,
					this.appApiToken, this.logLevel, this.startupTimeout, this.shutdownTimeout, this.arguments,
					this.environment, this.workDirectory, this.placementAddress, this.schedulerAddress,
					this.unixDomainSockets);
		}

		/** Builds and starts the sidecar. */
		public DaprSidecar start() {
			return build().start();
		}

	}

}
