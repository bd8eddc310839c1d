package dev.daprspring.boot.autoconfigure.sidecar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.client.DaprClientProperties;
import dev.daprspring.boot.autoconfigure.client.PropertiesDaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.LaunchMode;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Launches daprd for the application before its beans are created, when
 * {@code dapr.sidecar.launch} asks for it, and stops it when the context closes. The
 * sidecar is registered as a {@link DaprSidecar} bean and as the application's
 * {@code DaprConnectionDetails}.
 */
final class DaprSidecarLauncher {

	private static final Log logger = LogFactory.getLog(DaprSidecarLauncher.class);

	/** The bean name of the launched sidecar. */
	public static final String SIDECAR_BEAN_NAME = "daprSidecar";

	private DaprSidecarLauncher() {
	}

	static void launchIfRequested(ApplicationPreparedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = context.getEnvironment();
		Binder binder = Binder.get(environment);
		DaprSidecarProperties properties = binder.bind("dapr.sidecar", DaprSidecarProperties.class)
			.orElseGet(DaprSidecarProperties::new);
		if (properties.getLaunch() == LaunchMode.NEVER || context.getBeanFactory().containsBean(SIDECAR_BEAN_NAME)) {
			return;
		}
		if (properties.getLaunch() == LaunchMode.AUTO && sidecarAnswers(binder)) {
			return;
		}
		boolean grpcApp = "grpc".equalsIgnoreCase(environment.getProperty("dapr.app.protocol"));
		if (grpcApp && properties.getAppProtocol() == null) {
			properties.setAppProtocol("grpc");
		}
		Integer appPort = grpcApp ? grpcAppPort(properties, environment)
				: appPort(properties, environment, event.getSpringApplication().getWebApplicationType());
		DaprSidecar sidecar = builder(properties, appId(properties, environment), appPort).build();
		sidecar.start();
		register(context, sidecar);
		String appApiToken = properties.getAppApiToken();
		if (appApiToken != null && !environment.containsProperty("dapr.app.api-token")) {
			// The app requires the token its own sidecar sends.
			environment.getPropertySources()
				.addLast(new MapPropertySource("daprSidecarAppApiToken", Map.of("dapr.app.api-token", appApiToken)));
		}
		if (appPort != null) {
			context.addApplicationListener(new ApplicationListener<ApplicationReadyEvent>() {
				@Override
				public void onApplicationEvent(ApplicationReadyEvent ready) {
					awaitApp(sidecar, appPort, properties);
				}
			});
		}
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
			.arguments(properties.getArguments().toArray(String[]::new));
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

	static String appId(DaprSidecarProperties properties, ConfigurableEnvironment environment) {
		String appId = properties.getAppId();
		if (!StringUtils.hasText(appId)) {
			appId = environment.getProperty("spring.application.name", "application");
		}
		// Dapr app ids may not contain dots.
		return appId.replace('.', '-');
	}

	private static @Nullable Integer appPort(DaprSidecarProperties properties, ConfigurableEnvironment environment,
			WebApplicationType webApplicationType) {
		if (properties.getAppPort() != null) {
			return (properties.getAppPort() > 0) ? properties.getAppPort() : null;
		}
		if (webApplicationType == WebApplicationType.NONE) {
			return null;
		}
		int port = environment.getProperty("server.port", Integer.class, 8080);
		if (port > 0) {
			return port;
		}
		// A random server port is only known after the server starts, but daprd needs it
		// now: choose a free one and make it the server's port.
		int chosen = Ports.free();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("daprSidecarAppPort", Map.of("server.port", chosen)));
		return chosen;
	}

	// The gRPC app channel is served on Spring gRPC's server port, not on server.port.
	private static @Nullable Integer grpcAppPort(DaprSidecarProperties properties,
			ConfigurableEnvironment environment) {
		if (properties.getAppPort() != null) {
			return (properties.getAppPort() > 0) ? properties.getAppPort() : null;
		}
		int port = environment.getProperty("spring.grpc.server.port", Integer.class, 9090);
		if (port > 0) {
			return port;
		}
		int chosen = Ports.free();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("daprSidecarGrpcAppPort", Map.of("spring.grpc.server.port", chosen)));
		return chosen;
	}

	private static void register(ConfigurableApplicationContext context, DaprSidecar sidecar) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(SIDECAR_BEAN_NAME, sidecar);
		beanFactory.registerSingleton("daprSidecarConnectionDetails", new DaprSidecarConnectionDetails(sidecar));
		// Registered before any other bean, so destroyed after all of them.
		((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(SIDECAR_BEAN_NAME, sidecar::close);
	}

	private static boolean sidecarAnswers(Binder binder) {
		DaprClientProperties client = binder.bind("dapr.client", DaprClientProperties.class)
			.orElseGet(DaprClientProperties::new);
		String endpoint = new PropertiesDaprConnectionDetails(client).getHttpEndpoint();
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/v1.0/healthz/outbound"))
			.timeout(Duration.ofMillis(500))
			.build();
		try {
			HttpClient.newBuilder()
				.connectTimeout(Duration.ofMillis(500))
				.build()
				.send(request, HttpResponse.BodyHandlers.discarding());
			logger.info("A Dapr sidecar answers at " + endpoint + ", not launching one");
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void awaitApp(DaprSidecar sidecar, int appPort, DaprSidecarProperties properties) {
		if (!isListening(appPort)) {
			return;
		}
		try {
			sidecar.awaitHealthy(properties.getStartupTimeout());
		}
		catch (RuntimeException ex) {
			logger.warn("The launched daprd did not report healthy: " + ex.getMessage());
		}
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
