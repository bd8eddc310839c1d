package dev.daprspring.boot.autoconfigure.sidecar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration for a sidecar the application launches for itself during development
 * and tests.
 */
@ConfigurationProperties("dapr.sidecar")
public class DaprSidecarProperties {

	/** Whether to launch daprd when the application starts. */
	private LaunchMode launch = LaunchMode.NEVER;

	/** The daprd executable; defaults to DAPRD, ~/.dapr/bin/daprd, then the PATH. */
	private @Nullable Path binary;

	/** The Dapr app id; defaults to spring.application.name, else 'application'. */
	private @Nullable String appId;

	/** The port daprd calls the app on; defaults to server.port (web) or spring.grpc.server.port (gRPC). */
	private @Nullable Integer appPort;

	/** How daprd calls the app: http, https, grpc, grpcs or h2c; grpc when dapr.app.protocol=grpc. */
	private @Nullable String appProtocol;

	/** The sidecar's HTTP API port; 0 for a free port. */
	private int httpPort;

	/** The sidecar's gRPC API port; 0 for a free port. */
	private int grpcPort;

	/** Folders of the user's own component files; when set, no in-memory components are added. */
	private List<Path> resourcesPaths = new ArrayList<>();

	/** Name of the in-memory state store added when no resources paths are set. */
	private String stateStore = "statestore";

	/** Name of the in-memory pub/sub added when no resources paths are set. */
	private String pubsub = "pubsub";

	/** A Dapr Configuration YAML file (tracing, features, access control). */
	private @Nullable Path config;

	/** The API token daprd requires on every call. */
	private @Nullable String apiToken;

	/** The token daprd sends the app in dapr-api-token; the app then requires it by default. */
	private @Nullable String appApiToken;

	/** daprd's log level. */
	private String logLevel = "info";

	/** How long daprd may take to start. */
	private Duration startupTimeout = Duration.ofSeconds(30);

	/** Whether daprd serves its APIs on Unix domain sockets; auto: on Linux when epoll and jetty-client are present. */
	private SocketMode unixDomainSocket = SocketMode.AUTO;

	/** Extra daprd command-line arguments. */
	private List<String> arguments = new ArrayList<>();

	/** Environment variables for daprd, for example those component files read with envRef. */
	private Map<String, String> environment = new LinkedHashMap<>();

	/** Whether and where daprd probes the app's health. */
	private final AppHealthCheck appHealthCheck = new AppHealthCheck();

	/** The placement and scheduler processes a launched daprd connects to. */
	private final ControlPlane controlPlane = new ControlPlane();

	public LaunchMode getLaunch() {
		return this.launch;
	}

	public void setLaunch(LaunchMode launch) {
		this.launch = launch;
	}

	public @Nullable Path getBinary() {
		return this.binary;
	}

	public void setBinary(@Nullable Path binary) {
		this.binary = binary;
	}

	public @Nullable String getAppId() {
		return this.appId;
	}

	public void setAppId(@Nullable String appId) {
		this.appId = appId;
	}

	public @Nullable Integer getAppPort() {
		return this.appPort;
	}

	public void setAppPort(@Nullable Integer appPort) {
		this.appPort = appPort;
	}

	public @Nullable String getAppProtocol() {
		return this.appProtocol;
	}

	public void setAppProtocol(@Nullable String appProtocol) {
		this.appProtocol = appProtocol;
	}

	public int getHttpPort() {
		return this.httpPort;
	}

	public void setHttpPort(int httpPort) {
		this.httpPort = httpPort;
	}

	public int getGrpcPort() {
		return this.grpcPort;
	}

	public void setGrpcPort(int grpcPort) {
		this.grpcPort = grpcPort;
	}

	public List<Path> getResourcesPaths() {
		return this.resourcesPaths;
	}

	public void setResourcesPaths(List<Path> resourcesPaths) {
		this.resourcesPaths = resourcesPaths;
	}

	public String getStateStore() {
		return this.stateStore;
	}

	public void setStateStore(String stateStore) {
		this.stateStore = stateStore;
	}

	public String getPubsub() {
		return this.pubsub;
	}

	public void setPubsub(String pubsub) {
		this.pubsub = pubsub;
	}

	public @Nullable Path getConfig() {
		return this.config;
	}

	public void setConfig(@Nullable Path config) {
		this.config = config;
	}

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

	public @Nullable String getAppApiToken() {
		return this.appApiToken;
	}

	public void setAppApiToken(@Nullable String appApiToken) {
		this.appApiToken = appApiToken;
	}

	public String getLogLevel() {
		return this.logLevel;
	}

	public void setLogLevel(String logLevel) {
		this.logLevel = logLevel;
	}

	public SocketMode getUnixDomainSocket() {
		return this.unixDomainSocket;
	}

	public void setUnixDomainSocket(SocketMode unixDomainSocket) {
		this.unixDomainSocket = unixDomainSocket;
	}

	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

	public List<String> getArguments() {
		return this.arguments;
	}

	public void setArguments(List<String> arguments) {
		this.arguments = arguments;
	}

	public Map<String, String> getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(Map<String, String> environment) {
		this.environment = environment;
	}

	public AppHealthCheck getAppHealthCheck() {
		return this.appHealthCheck;
	}

	public ControlPlane getControlPlane() {
		return this.controlPlane;
	}

	/**
	 * Dapr's control plane for a launched daprd: {@code placement} (actors, workflows) and
	 * {@code scheduler} (reminders, jobs, workflows), run as processes beside it and
	 * stopped with it.
	 */
	public static class ControlPlane {

		/** When to launch placement and scheduler with daprd: auto, when a module of the application needs them. */
		private ControlPlaneLaunch launch = ControlPlaneLaunch.AUTO;

		/** How long placement and scheduler may each take to start. */
		private Duration startupTimeout = Duration.ofSeconds(30);

		/** An existing placement service (host:port) to connect daprd to instead of launching one. */
		private @Nullable String placementAddress;

		/** An existing scheduler (host:port) to connect daprd to instead of launching one. */
		private @Nullable String schedulerAddress;

		public ControlPlaneLaunch getLaunch() {
			return this.launch;
		}

		public void setLaunch(ControlPlaneLaunch launch) {
			this.launch = launch;
		}

		public Duration getStartupTimeout() {
			return this.startupTimeout;
		}

		public void setStartupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
		}

		public @Nullable String getPlacementAddress() {
			return this.placementAddress;
		}

		public void setPlacementAddress(@Nullable String placementAddress) {
			this.placementAddress = placementAddress;
		}

		public @Nullable String getSchedulerAddress() {
			return this.schedulerAddress;
		}

		public void setSchedulerAddress(@Nullable String schedulerAddress) {
			this.schedulerAddress = schedulerAddress;
		}

	}

	/**
	 * When to launch the control plane with a launched daprd.
	 */
	public enum ControlPlaneLaunch {

		/** When a {@link DaprControlPlaneRequirement} of the application asks for it. */
		AUTO,

		/** Always: for an application that uses actors, workflows or jobs through other clients. */
		ALWAYS,

		/** Never. */
		NEVER

	}

	/**
	 * daprd's probe of the app's health ({@code --enable-app-health-check}). While the
	 * app answers unhealthy, daprd stops delivering events and bindings to it.
	 */
	public static class AppHealthCheck {

		/** Whether daprd probes the app's health (the app needs a port). */
		private boolean enabled;

		/** The HTTP path daprd probes; Spring Boot's liveness group by default. */
		private String path = "/actuator/health/liveness";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

	}

	/** Whether a launched daprd serves its APIs on Unix domain sockets rather than TCP. */
	public enum SocketMode {

		/** Never; TCP on loopback. */
		NEVER,

		/**
		 * On Linux when netty-transport-native-epoll (gRPC) and jetty-client (HTTP) are on the
		 * classpath.
		 */
		AUTO,

		/** Always; fails at startup when a library the sockets need is missing. */
		ALWAYS

	}

	/**
	 * When to launch daprd.
	 */
	public enum LaunchMode {

		/** Never; connect to a sidecar run by other means. */
		NEVER,

		/** When no sidecar answers at the configured endpoint. */
		AUTO,

		/** Always, even when another sidecar answers: for tests. */
		ALWAYS

	}

}
