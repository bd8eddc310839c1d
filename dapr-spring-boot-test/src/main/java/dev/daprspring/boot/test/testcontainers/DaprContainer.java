package dev.daprspring.boot.test.testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

import dev.daprspring.boot.sidecar.component.DaprComponent;
import org.springframework.util.Assert;

/**
 * A Dapr sidecar ({@code daprd}) in a container, configured like the process launcher
 * {@link dev.daprspring.boot.sidecar.DaprSidecar}: typed components copied into the
 * container, an optional configuration, API token and app on the host.
 *
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static DaprContainer dapr = new DaprContainer()
 *         .withAppId("orders")
 *         .withComponent(DaprComponents.inMemoryState("statestore"));
 * </pre>
 *
 * Components that point at other containers must use addresses reachable from inside
 * this container (a shared {@link org.testcontainers.containers.Network} and its
 * aliases), not the host's mapped ports.
 */
public class DaprContainer extends GenericContainer<DaprContainer> {

	/** The image used when none is given: {@link DaprImages#DAPRD}, the daprd this project tests. */
	public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse(DaprImages.DAPRD);

	/**
	 * The image Testcontainers 2.0 starts to forward the app's port on the host into the
	 * containers ({@link #withAppPort(int)}): an SSH server.
	 */
	public static final String PORT_FORWARDING_IMAGE = "testcontainers/sshd:1.3.0";

	/** The API's HTTP port inside the container. */
	public static final int HTTP_PORT = 3500;

	/** The API's gRPC port inside the container. */
	public static final int GRPC_PORT = 50001;

	/** daprd's Prometheus metrics port inside the container. */
	public static final int METRICS_PORT = 9090;

	static final String COMPONENTS_PATH = "/dapr/components";

	static final String CONFIGURATION_PATH = "/dapr/config.yaml";

	private static final DockerImageName DAPRD = DockerImageName.parse("daprio/daprd");

	private String appId = "dapr-app";

	private final Map<String, DaprComponent> components = new LinkedHashMap<>();

	private @Nullable String configuration;

	private @Nullable String apiToken;

	private @Nullable String appApiToken;

	private @Nullable Integer appPort;

	private @Nullable String appProtocol;

	private @Nullable String appHealthCheckPath;

	private String logLevel = "info";

	private final List<String> arguments = new ArrayList<>();

	private @Nullable DaprPlacementContainer placement;

	private @Nullable DaprSchedulerContainer scheduler;

	// Files already handed to Testcontainers, so a restart does not copy them twice.
	private final Map<String, String> registeredFiles = new HashMap<>();

	/** A container of {@link #DEFAULT_IMAGE}. */
	public DaprContainer() {
		this(DEFAULT_IMAGE);
	}

	/** A container of the given {@code daprio/daprd} image, for example {@code daprio/daprd:1.17.5}. */
	public DaprContainer(String image) {
		this(DockerImageName.parse(image));
	}

	/** A container of the given image, which must be {@code daprio/daprd} or declared a substitute for it. */
	public DaprContainer(DockerImageName image) {
		super(image);
		image.assertCompatibleWith(DAPRD);
		withExposedPorts(HTTP_PORT, GRPC_PORT, METRICS_PORT);
		// Outbound readiness: components are loaded and the API answers; it does not wait for the app.
		waitingFor(Wait.forHttp("/v1.0/healthz/outbound")
			.forPort(HTTP_PORT)
			.forStatusCode(204)
			.withStartupTimeout(Duration.ofSeconds(60)));
	}

	/** The Dapr app id (no dots); {@code dapr-app} by default. */
	public DaprContainer withAppId(String appId) {
		Assert.hasText(appId, "App id must not be empty");
		Assert.isTrue(!appId.contains("."), () -> "App id '" + appId + "' must not contain dots");
		this.appId = appId;
		return self();
	}

	/** Adds a component; a later one with the same name replaces an earlier one. */
	public DaprContainer withComponent(DaprComponent component) {
		this.components.put(component.name(), component);
		return self();
	}

	/** Adds components. */
	public DaprContainer withComponents(Iterable<DaprComponent> components) {
		components.forEach(this::withComponent);
		return self();
	}

	/** A Dapr {@code Configuration} YAML document (tracing, features, access control). */
	public DaprContainer withConfiguration(@Nullable String yaml) {
		this.configuration = yaml;
		return self();
	}

	/** The token every API call must carry as {@code dapr-api-token}. */
	public DaprContainer withApiToken(@Nullable String token) {
		this.apiToken = token;
		return self();
	}

	/** The token daprd sends to the app, so the app can reject other callers. */
	public DaprContainer withAppApiToken(@Nullable String token) {
		this.appApiToken = token;
		return self();
	}

	/**
	 * The port the app listens on, on the host running the tests; daprd reaches it through
	 * {@code host.testcontainers.internal}.
	 */
	public DaprContainer withAppPort(int port) {
		Assert.isTrue(port > 0 && port < 65536, () -> "App port " + port + " is not a TCP port");
		this.appPort = port;
		return self();
	}

	/**
	 * Makes daprd probe the app's health at this HTTP path (or the gRPC health check of a
	 * gRPC app) every second, and subscribe the app to its topics only once it answers
	 * healthy. An app that starts after its container needs this for {@code @Topic}
	 * handlers over the app channel, as every {@code @ServiceConnection} app does: daprd
	 * reads the app's subscriptions once, and the port forward to the host accepts
	 * connections before the app listens, so without a health check daprd asks at once,
	 * retries for about two seconds and then runs without the app's subscriptions. With
	 * actuator, {@code /actuator/health/liveness}.
	 */
	public DaprContainer withAppHealthCheck(@Nullable String path) {
		Assert.isTrue(path == null || path.startsWith("/"), () -> "App health check path '" + path
				+ "' must start with '/', for example /actuator/health/liveness");
		this.appHealthCheckPath = path;
		return self();
	}

	/** How daprd talks to the app: http (default), https, grpc, grpcs or h2c. */
	public DaprContainer withAppProtocol(@Nullable String protocol) {
		this.appProtocol = protocol;
		return self();
	}

	/** daprd's log level: debug, info (default), warn or error. */
	public DaprContainer withLogLevel(String level) {
		Assert.hasText(level, "Log level must not be empty");
		this.logLevel = level;
		return self();
	}

	/**
	 * Connects daprd to a placement container (actors, workflows), started before this one.
	 * Both join one network: this container's, the placement's, or a new one. Set any
	 * network of your own before calling this.
	 */
	public DaprContainer withPlacement(DaprPlacementContainer placement) {
		joinNetwork(placement);
		this.placement = placement;
		return self();
	}

	/**
	 * Connects daprd to a scheduler container (reminders, jobs, workflows), started before
	 * this one, on a shared network like {@link #withPlacement(DaprPlacementContainer)}.
	 */
	public DaprContainer withScheduler(DaprSchedulerContainer scheduler) {
		joinNetwork(scheduler);
		this.scheduler = scheduler;
		return self();
	}

	private void joinNetwork(DaprControlPlaneContainer<?> service) {
		Network mine = getNetwork();
		Network theirs = service.getNetwork();
		Assert.state(mine == null || theirs == null || mine == theirs,
				() -> service.imageName().asCanonicalNameString() + " is on another network than this daprd; "
						+ "give both the same Network (or neither, and one is created)");
		Network shared = (mine != null) ? mine : (theirs != null) ? theirs : Network.newNetwork();
		withNetwork(shared);
		service.withNetwork(shared);
		dependsOn(service);
	}

	/** Adds daprd command-line arguments, for flags this class has no method for. */
	public DaprContainer withDaprArguments(String... arguments) {
		this.arguments.addAll(List.of(arguments));
		return self();
	}

	public String getAppId() {
		return this.appId;
	}

	public Collection<DaprComponent> getComponents() {
		return Collections.unmodifiableCollection(this.components.values());
	}

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public @Nullable Integer getAppPort() {
		return this.appPort;
	}

	public @Nullable DaprPlacementContainer getPlacement() {
		return this.placement;
	}

	public @Nullable DaprSchedulerContainer getScheduler() {
		return this.scheduler;
	}

	/** The API's HTTP endpoint on the host, for example {@code http://localhost:32768}. */
	public String getHttpEndpoint() {
		return "http://" + getHost() + ":" + getMappedPort(HTTP_PORT);
	}

	/** The API's gRPC endpoint on the host, for example {@code http://localhost:32769}. */
	public String getGrpcEndpoint() {
		return "http://" + getHost() + ":" + getMappedPort(GRPC_PORT);
	}

	/** The sidecar's Prometheus metrics, on the port mapped for the container's metrics port. */
	public String getMetricsEndpoint() {
		return "http://" + getHost() + ":" + getMappedPort(METRICS_PORT) + "/";
	}

	@Override
	protected void configure() {
		super.configure();
		applySettings();
		Integer port = this.appPort;
		if (port != null) {
			// Must happen before the container is created: it then gets the host alias.
			Testcontainers.exposeHostPorts(port);
			if (this.appHealthCheckPath == null) {
				logger().warn("daprd reads the app's subscriptions once, when it starts, and the app's port "
						+ "{} answers before the app does: an app that starts more than about two seconds after "
						+ "this container gets no @Topic events over the app channel unless daprd waits for it. Set "
						+ "withAppHealthCheck(\"/actuator/health/liveness\") (or any path the app answers) "
						+ "if it has @Topic handlers", port);
			}
		}
	}

	/** Turns the settings into the container's command, environment and copied files. */
	void applySettings() {
		withCommand(commandLine().toArray(String[]::new));
		if (this.apiToken != null) {
			withEnv("DAPR_API_TOKEN", this.apiToken);
		}
		if (this.appApiToken != null) {
			withEnv("APP_API_TOKEN", this.appApiToken);
		}
		resourceFiles().forEach((path, content) -> {
			String registered = this.registeredFiles.get(path);
			if (content.equals(registered)) {
				return;
			}
			Assert.state(registered == null, () -> "The content of " + path
					+ " cannot change once the container has been started; create a new DaprContainer");
			withCopyToContainer(Transferable.of(content), path);
			this.registeredFiles.put(path, content);
		});
	}

	/** The daprd command line the container runs. */
	List<String> commandLine() {
		List<String> command = new ArrayList<>(List.of("./daprd", "--app-id", this.appId,
				// Published ports reach the container's own interface, not its loopback.
				"--dapr-listen-addresses", "0.0.0.0", "--dapr-http-port", String.valueOf(HTTP_PORT),
				"--dapr-grpc-port", String.valueOf(GRPC_PORT), "--metrics-port", String.valueOf(METRICS_PORT),
				"--log-level", this.logLevel));
		if (this.appPort != null) {
			command.addAll(List.of("--app-port", String.valueOf(this.appPort), "--app-channel-address",
					INTERNAL_HOST_HOSTNAME));
		}
		if (this.appProtocol != null) {
			command.addAll(List.of("--app-protocol", this.appProtocol));
		}
		if (this.appHealthCheckPath != null) {
			command.addAll(List.of("--enable-app-health-check", "--app-health-check-path", this.appHealthCheckPath,
					"--app-health-probe-interval", "1"));
		}
		if (!this.components.isEmpty()) {
			command.addAll(List.of("--resources-path", COMPONENTS_PATH));
		}
		if (this.configuration != null) {
			command.addAll(List.of("--config", CONFIGURATION_PATH));
		}
		if (this.placement != null) {
			command.addAll(List.of("--placement-host-address", this.placement.getNetworkAddress()));
		}
		if (this.scheduler != null) {
			command.addAll(List.of("--scheduler-host-address", this.scheduler.getNetworkAddress()));
		}
		command.addAll(this.arguments);
		return command;
	}

	/** The files copied into the container: path to content. */
	Map<String, String> resourceFiles() {
		Map<String, String> files = new LinkedHashMap<>();
		for (DaprComponent component : this.components.values()) {
			files.put(COMPONENTS_PATH + "/" + component.name() + ".yaml", component.toYaml());
		}
		if (this.configuration != null) {
			files.put(CONFIGURATION_PATH, this.configuration);
		}
		return files;
	}

}
