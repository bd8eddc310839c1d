package dev.daprspring.boot.test.testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import org.springframework.util.Assert;

/**
 * A Dapr control-plane service in a container, reached by sidecar containers on a shared
 * {@link Network} under its network alias. It is started only when a {@link DaprContainer}
 * is given it (or when started by hand): nothing starts one by surprise.
 *
 * @param <SELF> the concrete container type
 */
public abstract class DaprControlPlaneContainer<SELF extends DaprControlPlaneContainer<SELF>>
		extends GenericContainer<SELF> {

	/** The port of the healthz server inside the container. */
	public static final int HEALTHZ_PORT = 8080;

	private final DockerImageName image;

	private final int port;

	private String alias;

	private String logLevel = "info";

	DaprControlPlaneContainer(DockerImageName image, DockerImageName compatibleWith, int port, String alias) {
		super(image);
		image.assertCompatibleWith(compatibleWith);
		this.image = image;
		this.port = port;
		this.alias = alias;
		withExposedPorts(port, HEALTHZ_PORT);
		withNetworkAliases(alias);
		waitingFor(Wait.forHttp("/healthz")
			.forPort(HEALTHZ_PORT)
			.forStatusCode(200)
			.withStartupTimeout(Duration.ofSeconds(60)));
	}

	/**
	 * The name sidecars on the same network reach this service by; replaces the default
	 * alias.
	 */
	public SELF withAlias(String alias) {
		Assert.hasText(alias, "Alias must not be empty");
		setNetworkAliases(new ArrayList<>(List.of(alias)));
		this.alias = alias;
		return self();
	}

	/** The service's log level: debug, info (default), warn or error. */
	public SELF withLogLevel(String level) {
		Assert.hasText(level, "Log level must not be empty");
		this.logLevel = level;
		return self();
	}

	/** The service's gRPC port inside the container. */
	public int getPort() {
		return this.port;
	}

	/** The address sidecars on the same network use, for example {@code placement:50005}. */
	public String getNetworkAddress() {
		return this.alias + ":" + this.port;
	}

	/** The address on the host, for example {@code localhost:32771}, for a sidecar process. */
	public String getHostAddress() {
		return getHost() + ":" + getMappedPort(this.port);
	}

	/** The image's name, known without asking the engine. */
	DockerImageName imageName() {
		return this.image;
	}

	String logLevel() {
		return this.logLevel;
	}

	@Override
	protected void configure() {
		super.configure();
		withCommand(commandLine().toArray(String[]::new));
	}

	/** The command the container runs. */
	abstract List<String> commandLine();

}
