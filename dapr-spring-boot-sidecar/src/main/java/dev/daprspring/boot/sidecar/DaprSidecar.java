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
import dev.daprspring.boot.sidecar.process.ProcessLog;
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

	private static final int START_ATTEMPTS = 3;

	private final Builder settings;

	private final Path workDirectory;

	private final Path logFile;

	private final ProcessLog log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private @Nullable Path daprd;

	private int httpPort;

	private int grpcPort;

	private int internalGrpcPort;

	private int metricsPort;

	private @Nullable Process process;

	// Package-private for the test that no hook outlives its process.
	@Nullable Thread shutdownHook;

	private DaprSidecar(Builder settings) {
		this.settings = settings;
		this.httpPort = settings.httpPort;
		this.grpcPort = settings.grpcPort;
		this.internalGrpcPort = settings.internalGrpcPort;
		this.metricsPort = settings.metricsPort;
		try {
			this.workDirectory = (settings.workDirectory != null) ? Files.createDirectories(settings.workDirectory)
					: Files.createTempDirectory("daprd-" + settings.appId + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a work folder for daprd", ex);
		}
		this.logFile = this.workDirectory.resolve("daprd.log");
		this.log = new ProcessLog(this.logFile);
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
		Assert.state(!isRunning(), "Sidecar " + this.settings.appId + " is already running");
		// A daprd that exited on its own is forgotten, so that it can be started again.
		discardProcess();
		this.daprd = DaprdBinary.locate(this.settings.daprd);
		List<String> resources = writeResources();
		checkChosenPortsAreFree();
		for (int attempt = 1;; attempt++) {
			assignFreePorts();
			long started = System.nanoTime();
			launch(resources);
			try {
				awaitReady();
				logger.info("Started daprd for app '" + this.settings.appId + "' in "
						+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms (http " + this.httpPort
						+ ", grpc " + this.grpcPort + ", log " + this.logFile + ")");
				return this;
			}
			catch (DaprSidecarException ex) {
				discardProcess();
				// A free port can be taken between choosing it and daprd binding it: choose again.
				if (attempt < START_ATTEMPTS && portClash() && canRechoosePorts()) {
					logger.warn("daprd could not bind a port, retrying with other free ports");
					this.httpPort = this.settings.httpPort;
					this.grpcPort = this.settings.grpcPort;
					this.internalGrpcPort = this.settings.internalGrpcPort;
					this.metricsPort = this.settings.metricsPort;
					continue;
				}
				throw ex;
			}
		}
	}

	/**
	 * Waits until {@code /v1.0/healthz} answers 204, which with an app port also means
	 * daprd has reached the app.
	 * @param timeout how long to wait
	 */
	public void awaitHealthy(Duration timeout) {
		awaitEndpoint("/v1.0/healthz", System.nanoTime() + timeout.toNanos());
	}

	/**
	 * Stops daprd: {@code POST /v1.0/shutdown}, then SIGTERM and SIGKILL if it is still
	 * running after the shutdown timeout. Does nothing when not running.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		try {
			if (running.isAlive()) {
				requestShutdown();
				if (!running.waitFor(this.settings.shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
					logger.warn("daprd for app '" + this.settings.appId + "' did not stop within "
							+ this.settings.shutdownTimeout + ", terminating it");
					kill();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
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
		if (this.settings.workDirectory == null) {
			FileSystemUtils.deleteRecursively(this.workDirectory.toFile());
		}
	}

	public boolean isRunning() {
		Process running = this.process;
		return running != null && running.isAlive();
	}

	/** The daprd process while it runs, for example to kill it in a test of a sidecar that dies. */
	public Optional<ProcessHandle> processHandle() {
		Process running = this.process;
		return (running != null && running.isAlive()) ? Optional.of(running.toHandle()) : Optional.empty();
	}

	public String appId() {
		return this.settings.appId;
	}

	public int httpPort() {
		return this.httpPort;
	}

	public int grpcPort() {
		return this.grpcPort;
	}

	public int internalGrpcPort() {
		return this.internalGrpcPort;
	}

	public int metricsPort() {
		return this.metricsPort;
	}

	/** The API's HTTP endpoint, for example {@code http://127.0.0.1:3500}. */
	public String httpEndpoint() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	/** The API's gRPC endpoint, for example {@code http://127.0.0.1:50001}. */
	public String grpcEndpoint() {
		return "http://127.0.0.1:" + this.grpcPort;
	}

	/** The Prometheus endpoint, or {@code null} when metrics are off. */
	public @Nullable String metricsEndpoint() {
		return this.settings.metrics ? "http://127.0.0.1:" + this.metricsPort + "/" : null;
	}

	public @Nullable String apiToken() {
		return this.settings.apiToken;
	}

	public @Nullable Integer appPort() {
		return this.settings.appPort;
	}

	/** The path daprd probes the app's health at, or {@code null} when it does not. */
	public @Nullable String appHealthCheckPath() {
		return this.settings.appHealthCheckPath;
	}

	/** The file daprd's output is appended to, across restarts. */
	public Path logFile() {
		return this.logFile;
	}

	/** The folder holding the generated component files. */
	public Path resourcesDirectory() {
		return this.workDirectory.resolve("components");
	}

	/** The last lines of daprd's log. */
	public String logTail(int lines) {
		return this.log.tail(lines);
	}

	private List<String> writeResources() {
		List<String> folders = new ArrayList<>();
		Path components = resourcesDirectory();
		try {
			FileSystemUtils.deleteRecursively(components);
			Files.createDirectories(components);
			for (DaprComponent component : this.settings.components.values()) {
				Files.writeString(components.resolve(component.name() + ".yaml"), component.toYaml());
			}
			if (this.settings.configuration != null) {
				Files.writeString(this.workDirectory.resolve("config.yaml"), this.settings.configuration);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write daprd's resources to " + components, ex);
		}
		if (!this.settings.components.isEmpty() || this.settings.resourcesPaths.isEmpty()) {
			folders.add(components.toString());
		}
		for (Path path : this.settings.resourcesPaths) {
			Assert.isTrue(Files.isDirectory(path), () -> "Resources path " + path + " is not a folder");
			folders.add(path.toAbsolutePath().toString());
		}
		return folders;
	}

	private void checkChosenPortsAreFree() {
		Map<String, Integer> chosen = new LinkedHashMap<>();
		chosen.put("HTTP port", this.settings.httpPort);
		chosen.put("gRPC port", this.settings.grpcPort);
		chosen.put("internal gRPC port", this.settings.internalGrpcPort);
		if (this.settings.metrics) {
			chosen.put("metrics port", this.settings.metricsPort);
		}
		chosen.forEach((role, port) -> {
			if (port != 0 && !Ports.isAvailable(port)) {
				throw new DaprSidecarException("Cannot start daprd for app '" + this.settings.appId + "': its "
						+ role + " " + port + " is already in use by another process. "
						+ "Choose another port, or 0 for a free one.");
			}
		});
	}

	private void assignFreePorts() {
		// One spare, in case the system hands out the app's port, which may not be bound yet.
		int[] free = java.util.Arrays.stream(Ports.free(5))
			.filter((port) -> this.settings.appPort == null || port != this.settings.appPort)
			.toArray();
		if (this.httpPort == 0) {
			this.httpPort = free[0];
		}
		if (this.grpcPort == 0) {
			this.grpcPort = free[1];
		}
		if (this.internalGrpcPort == 0) {
			this.internalGrpcPort = free[2];
		}
		if (this.metricsPort == 0) {
			this.metricsPort = free[3];
		}
	}

	private boolean canRechoosePorts() {
		return this.settings.httpPort == 0 || this.settings.grpcPort == 0 || this.settings.internalGrpcPort == 0
				|| this.settings.metricsPort == 0;
	}

	private boolean portClash() {
		// Only this attempt's lines: everything after the last command line written.
		String log = logTail(1000);
		return log.substring(Math.max(0, log.lastIndexOf(ProcessLog.COMMAND_MARK))).contains("address already in use");
	}

	private void launch(List<String> resources) {
		List<String> command = command(resources);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
			.directory(this.workDirectory.toFile());
		Map<String, String> env = builder.environment();
		// A token from the developer's shell must not leak into a sidecar that was given none.
		env.remove("DAPR_API_TOKEN");
		env.remove("APP_API_TOKEN");
		if (this.settings.apiToken != null) {
			env.put("DAPR_API_TOKEN", this.settings.apiToken);
		}
		if (this.settings.appApiToken != null) {
			env.put("APP_API_TOKEN", this.settings.appApiToken);
		}
		env.putAll(this.settings.environment);
		try {
			this.log.appendCommand(command);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new DaprSidecarException("Could not run " + this.daprd + ": " + ex.getMessage(), ex);
		}
		Thread hook = new Thread(this::kill, "daprd-" + this.settings.appId + "-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		this.shutdownHook = hook;
	}

	// Kills the process, if any, and removes its shutdown hook: one hook at most per sidecar.
	private void discardProcess() {
		kill();
		this.process = null;
		removeShutdownHook();
	}

	private List<String> command(List<String> resources) {
		Builder s = this.settings;
		List<String> command = new ArrayList<>(List.of(String.valueOf(this.daprd), "--app-id", s.appId,
				"--dapr-http-port", String.valueOf(this.httpPort), "--dapr-grpc-port", String.valueOf(this.grpcPort),
				"--dapr-internal-grpc-port", String.valueOf(this.internalGrpcPort), "--dapr-listen-addresses",
				"127.0.0.1", "--log-level", s.logLevel, "--enable-metrics", String.valueOf(s.metrics)));
		if (s.metrics) {
			command.addAll(List.of("--metrics-port", String.valueOf(this.metricsPort)));
		}
		if (s.appPort != null) {
			command.addAll(List.of("--app-port", String.valueOf(s.appPort)));
		}
		if (s.appProtocol != null) {
			command.addAll(List.of("--app-protocol", s.appProtocol));
		}
		if (s.appHealthCheckPath != null) {
			command.addAll(List.of("--enable-app-health-check", "--app-health-check-path", s.appHealthCheckPath));
		}
		for (String folder : resources) {
			command.addAll(List.of("--resources-path", folder));
		}
		if (s.configuration != null) {
			command.addAll(List.of("--config", this.workDirectory.resolve("config.yaml").toString()));
		}
		if (s.placementAddress != null) {
			command.addAll(List.of("--placement-host-address", s.placementAddress));
		}
		if (s.schedulerAddress != null) {
			command.addAll(List.of("--scheduler-host-address", s.schedulerAddress));
		}
		command.addAll(s.arguments);
		return command;
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + this.settings.startupTimeout.toNanos();
		awaitEndpoint("/v1.0/healthz/outbound", deadline);
		if (this.settings.appPort == null) {
			awaitEndpoint("/v1.0/healthz", deadline);
		}
	}

	private void awaitEndpoint(String path, long deadline) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(httpEndpoint() + path))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
		while (true) {
			Process running = this.process;
			if (running == null || !running.isAlive()) {
				String exit = (running != null) ? "exited with code " + running.exitValue() : "is not running";
				throw new DaprSidecarException("daprd for app '" + this.settings.appId + "' " + exit
						+ " before it was ready. " + logExcerpt());
			}
			try {
				HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() / 100 == 2) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DaprSidecarException("Interrupted while waiting for daprd", ex);
			}
			if (System.nanoTime() > deadline) {
				throw new DaprSidecarException("daprd for app '" + this.settings.appId + "' did not answer " + path
						+ " within " + this.settings.startupTimeout + ". " + logExcerpt());
			}
			sleep(50);
		}
	}

	private String logExcerpt() {
		return this.log.excerpt(LOG_LINES_IN_ERRORS);
	}

	private void requestShutdown() {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(httpEndpoint() + "/v1.0/shutdown"))
			.timeout(Duration.ofSeconds(2))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (this.settings.apiToken != null) {
			request.header("dapr-api-token", this.settings.apiToken);
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

	private void kill() {
		Process running = this.process;
		if (running == null || !running.isAlive()) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(5, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.destroyForcibly();
		}
	}

	private void removeShutdownHook() {
		Thread hook = this.shutdownHook;
		this.shutdownHook = null;
		if (hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// The JVM is already shutting down; the hook runs anyway.
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DaprSidecarException("Interrupted while waiting for daprd", ex);
		}
	}

	@Override
	public String toString() {
		return "DaprSidecar[" + this.settings.appId + ", http " + this.httpPort + ", grpc " + this.grpcPort + "]";
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

		/** The folder for generated files and the log; a new temporary folder by default. */
		public Builder workDirectory(@Nullable Path folder) {
			this.workDirectory = folder;
			return this;
		}

		/** Builds the sidecar without starting it; later changes to this builder do not affect it. */
		public DaprSidecar build() {
			return new DaprSidecar(copy());
		}

		private Builder copy() {
			Builder copy = new Builder(this.appId);
			copy.daprd = this.daprd;
			copy.appPort = this.appPort;
			copy.appProtocol = this.appProtocol;
			copy.appHealthCheckPath = this.appHealthCheckPath;
			copy.httpPort = this.httpPort;
			copy.grpcPort = this.grpcPort;
			copy.internalGrpcPort = this.internalGrpcPort;
			copy.metricsPort = this.metricsPort;
			copy.metrics = this.metrics;
			copy.components.putAll(this.components);
			copy.resourcesPaths.addAll(this.resourcesPaths);
			copy.configuration = this.configuration;
			copy.apiToken = this.apiToken;
			copy.appApiToken = this.appApiToken;
			copy.logLevel = this.logLevel;
			copy.startupTimeout = this.startupTimeout;
			copy.shutdownTimeout = this.shutdownTimeout;
			copy.arguments.addAll(this.arguments);
			copy.environment.putAll(this.environment);
			copy.workDirectory = this.workDirectory;
			copy.placementAddress = this.placementAddress;
			copy.schedulerAddress = this.schedulerAddress;
			return copy;
		}

		/** Builds and starts the sidecar. */
		public DaprSidecar start() {
			return build().start();
		}

	}

}
