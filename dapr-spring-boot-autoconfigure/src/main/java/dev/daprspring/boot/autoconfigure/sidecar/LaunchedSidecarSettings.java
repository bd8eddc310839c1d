package dev.daprspring.boot.autoconfigure.sidecar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.LaunchMode;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.component.ComponentFolders;
import dev.daprspring.boot.sidecar.component.ComponentFolders.StateStore;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.StringUtils;

/**
 * What the launched daprd runs with, read from {@code dapr.sidecar.*} and from the
 * application's own properties (its name, its server port, its protocol), before any
 * bean exists.
 */
final class LaunchedSidecarSettings {

	private static final Log logger = LogFactory.getLog(LaunchedSidecarSettings.class);

	static final String GRPC_PORT_PROPERTY = "spring.grpc.server.port";

	private LaunchedSidecarSettings() {
	}

	/** {@code dapr.sidecar.*}, completed from the properties the launched sidecar must agree with. */
	static DaprSidecarProperties properties(Binder binder) {
		DaprSidecarProperties properties = binder.bind("dapr.sidecar", DaprSidecarProperties.class)
			.orElseGet(DaprSidecarProperties::new);
		if (grpcApp(binder) && properties.getAppProtocol() == null) {
			properties.setAppProtocol("grpc");
		}
		// The client talks to the launched daprd with the token that daprd runs with: a client token
		// given alone becomes it; one that differs from dapr.sidecar.api-token is not used, and said so.
		String clientToken = binder.bind("dapr.client.api-token", String.class).orElse(null);
		if (StringUtils.hasText(clientToken) && properties.getLaunch() != LaunchMode.NEVER) {
			if (properties.getApiToken() == null) {
				properties.setApiToken(clientToken);
			}
			else if (!clientToken.equals(properties.getApiToken())) {
				logger.warn("dapr.client.api-token differs from dapr.sidecar.api-token; the client uses "
						+ "dapr.sidecar.api-token, the token the launched daprd runs with");
			}
		}
		return properties;
	}

	/** Whether the application serves Dapr's gRPC app channel rather than HTTP. */
	static boolean grpcApp(Binder binder) {
		return "grpc".equalsIgnoreCase(binder.bind("dapr.app.protocol", String.class).orElse(null));
	}

	static DaprSidecar.Builder builder(DaprSidecarProperties properties, String appId, @Nullable Integer appPort) {
		DaprSidecar.Builder builder = DaprSidecar.builder(appId)
			.daprd(properties.getBinary())
			.appPort(appPort)
			.appProtocol(properties.getAppProtocol())
			.httpPort(properties.getHttpPort())
			.grpcPort(properties.getGrpcPort())
			.apiToken(properties.getApiToken())
			.appApiToken(properties.getAppApiToken())
			.logLevel(properties.getLogLevel())
			.startupTimeout(properties.getStartupTimeout())
			.unixDomainSockets(UnixDomainSocketChoice.use(properties.getUnixDomainSocket()))
			.arguments(properties.getArguments().toArray(String[]::new));
		properties.getEnvironment().forEach(builder::environment);
		if (properties.getAppHealthCheck().isEnabled()) {
			if (appPort != null) {
				builder.appHealthCheck(properties.getAppHealthCheck().getPath());
			}
			else {
				logger.warn("dapr.sidecar.app-health-check.enabled is ignored: the application has no port for daprd "
						+ "to probe (it is not a web application and dapr.sidecar.app-port is not set)");
			}
		}
		if (properties.getResourcesPaths().isEmpty()) {
			builder.component(DaprComponents.inMemoryState(properties.getStateStore()))
				.component(DaprComponents.inMemoryPubSub(properties.getPubsub()));
		}
		properties.getResourcesPaths().forEach(builder::resourcesPath);
		Path config = properties.getConfig();
		if (config != null) {
			try {
				builder.configuration(Files.readString(config));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read dapr.sidecar.config " + config + ": " + ex.getMessage(),
						ex);
			}
		}
		return builder;
	}

	/**
	 * Gives daprd a placement and so actors: the generated in-memory store holds actor state,
	 * or one of the user's own stores must (daprd 1.17.5 crashes on an actor state read when
	 * none is marked).
	 */
	static void placement(DaprSidecar.Builder builder, DaprSidecarProperties properties, String placement) {
		builder.placement(placement);
		if (properties.getResourcesPaths().isEmpty()) {
			builder.component(DaprComponents.inMemoryState(properties.getStateStore())
				.withMetadata("actorStateStore", "true"));
		}
		else {
			requireActorStateStore(properties.getResourcesPaths());
		}
	}

	// daprd starts without one but crashes on the first actor state call; say so before it starts.
	private static void requireActorStateStore(List<Path> resourcesPaths) {
		List<StateStore> stores = ComponentFolders.stateStores(resourcesPaths);
		if (stores.stream().anyMatch(StateStore::actorStateStore)) {
			return;
		}
		throw new IllegalStateException("daprd is launched with placement (for actors or workflows), but none of "
				+ "the state stores in dapr.sidecar.resources-paths " + resourcesPaths + " holds actor state: "
				+ stores.stream().map((store) -> store.name() + " (" + store.type() + ", " + store.file().getFileName()
						+ ")").toList()
				+ ". Add the metadata item {name: actorStateStore, value: \"true\"} to one transactional state store "
				+ "(daprd 1.17.5 crashes on the first actor state call without one)");
	}

	static String appId(DaprSidecarProperties properties, Binder binder) {
		String appId = properties.getAppId();
		if (!StringUtils.hasText(appId)) {
			appId = binder.bind("spring.application.name", String.class).orElse("application");
		}
		// Dapr app ids may not contain dots.
		return appId.replace('.', '-');
	}

	/** The port daprd calls the app on, or {@code null} when the app serves none. */
	static @Nullable Integer appPort(DaprSidecarProperties properties, Binder binder,
			WebApplicationType webApplicationType) {
		if (properties.getAppPort() != null) {
			return (properties.getAppPort() > 0) ? properties.getAppPort() : null;
		}
		if (grpcApp(binder)) {
			// The gRPC app channel is served on Spring gRPC's server port, not on server.port.
			int port = binder.bind(GRPC_PORT_PROPERTY, Integer.class).orElse(9090);
			return (port > 0) ? port : Ports.free();
		}
		if (webApplicationType == WebApplicationType.NONE) {
			return null;
		}
		int port = binder.bind("server.port", Integer.class).orElse(8080);
		// A random server port is only known after the server starts, but daprd needs it
		// now: choose a free one, which becomes the server's port (see LaunchedSidecarPropertySources).
		return (port > 0) ? port : Ports.free();
	}

}
