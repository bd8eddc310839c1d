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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.client.DaprClientProperties;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.client.PropertiesDaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.ControlPlane;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.LaunchMode;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarRunListener.ApplicationPackages;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarRunListener.ApplicationWebType;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.boot.sidecar.component.ComponentFolders;
import dev.daprspring.boot.sidecar.component.ComponentFolders.StateStore;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
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

	// Endpoints the user gives explicitly; the environment's DAPR_GRPC_ENDPOINT and DAPR_HTTP_ENDPOINT
	// bind as dapr.grpc.endpoint and dapr.http.endpoint.
	private static final List<String> EXPLICIT_ENDPOINTS = List.of("dapr.client.grpc-endpoint",
			"dapr.client.http-endpoint", "dapr.grpc.endpoint", "dapr.http.endpoint");

	/** The bean name of the launched sidecar. */
	public static final String SIDECAR_BEAN_NAME = "daprSidecar";

	/** The bean name of the launched placement service, when there is one. */
	public static final String PLACEMENT_BEAN_NAME = "daprPlacement";

	/** The bean name of the launched scheduler, when there is one. */
	public static final String SCHEDULER_BEAN_NAME = "daprScheduler";

	private static final String GRPC_PORT_PROPERTY = "spring.grpc.server.port";

	private static final String PROBES_PROPERTY = "management.endpoint.health.probes.enabled";

	private DaprSidecarLauncher() {
	}

	static void launchIfRequested(ApplicationPreparedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = context.getEnvironment();
		Binder binder = Binder.get(environment);
		DaprSidecarProperties properties = properties(binder);
		if (properties.getLaunch() == LaunchMode.NEVER || context.getBeanFactory().containsBean(SIDECAR_BEAN_NAME)) {
			return;
		}
		if (properties.getLaunch() == LaunchMode.AUTO) {
			String[] elsewhere = context.getBeanFactory().getBeanNamesForType(DaprConnectionDetails.class, true, false);
			if (elsewhere.length > 0) {
				logger.info("dapr.sidecar.launch=auto launches no daprd: the connection comes from "
						+ String.join(", ", elsewhere) + " (a service connection or the application's own bean)");
				return;
			}
		}
		Launched launched = launch(properties, binder, event.getSpringApplication()::getWebApplicationType,
				() -> ApplicationPackages.of(event.getSpringApplication()).names());
		if (launched != null) {
			adopt(context, launched);
		}
	}

	/**
	 * Launches the sidecar while configuration is imported, when {@code dapr.sidecar.launch}
	 * asks for one, so that {@code dapr:} imports can read from it; the application adopts
	 * it when the bootstrap context closes. Returns {@code null} when no sidecar is launched.
	 */
	static @Nullable DaprSidecar launchForConfigImport(ConfigurableBootstrapContext bootstrap, Binder binder) {
		DaprSidecarProperties properties = properties(binder);
		if (properties.getLaunch() == LaunchMode.NEVER) {
			return null;
		}
		if (bootstrap.isRegistered(Launched.class)) {
			// Several imports read from the one sidecar.
			return bootstrap.get(Launched.class).sidecar();
		}
		// spring.main.* is bound to the SpringApplication only after the imports.
		Launched launched = launch(properties, binder,
				() -> binder.bind("spring.main.web-application-type", WebApplicationType.class)
					.orElseGet(() -> bootstrap.isRegistered(ApplicationWebType.class)
							? bootstrap.get(ApplicationWebType.class).type() : WebApplicationType.deduce()),
				() -> bootstrap.isRegistered(ApplicationPackages.class) ? bootstrap.get(ApplicationPackages.class).names()
						: List.of());
		if (launched == null) {
			return null;
		}
		bootstrap.register(Launched.class, InstanceSupplier.of(launched));
		bootstrap.addCloseListener((closed) -> adopt(closed.getApplicationContext(), launched));
		return launched.sidecar();
	}

	// Starts daprd unless dapr.sidecar.launch=auto finds one answering already.
	private static @Nullable Launched launch(DaprSidecarProperties properties, Binder binder,
			Supplier<WebApplicationType> webApplicationType, Supplier<List<String>> applicationPackages) {
		if (properties.getLaunch() == LaunchMode.AUTO && (standsAside(binder) || sidecarAnswers(binder))) {
			return null;
		}
		Integer appPort = appPort(properties, binder, webApplicationType.get());
		DaprSidecar.Builder builder = builder(properties, appId(properties, binder), appPort);
		ControlPlane wanted = properties.getControlPlane();
		LaunchedControlPlane controlPlane = LaunchedControlPlane.startIfWanted(wanted, binder,
				applicationPackages.get());
		String placement = (controlPlane != null && controlPlane.placement() != null)
				? controlPlane.placement().address() : wanted.getPlacementAddress();
		String scheduler = (controlPlane != null && controlPlane.scheduler() != null)
				? controlPlane.scheduler().address() : wanted.getSchedulerAddress();
		builder.placement(placement).scheduler(scheduler);
		if (placement != null && properties.getResourcesPaths().isEmpty()) {
			// Actors keep their state in the one store marked for it (daprd 1.17.5 crashes on an
			// actor state read when none is).
			builder.component(DaprComponents.inMemoryState(properties.getStateStore())
				.withMetadata("actorStateStore", "true"));
		}
		else if (placement != null) {
			requireActorStateStore(properties.getResourcesPaths(), controlPlane);
		}
		DaprSidecar sidecar = builder.build();
		try {
			sidecar.start();
		}
		catch (RuntimeException ex) {
			if (controlPlane != null) {
				controlPlane.close();
			}
			throw ex;
		}
		return new Launched(sidecar, properties, appPort, controlPlane);
	}

	// daprd starts without one but crashes on the first actor state call; say so before it starts.
	private static void requireActorStateStore(List<Path> resourcesPaths, @Nullable LaunchedControlPlane controlPlane) {
		List<StateStore> stores = ComponentFolders.stateStores(resourcesPaths);
		if (stores.stream().anyMatch(StateStore::actorStateStore)) {
			return;
		}
		if (controlPlane != null) {
			controlPlane.close();
		}
		throw new IllegalStateException("daprd is launched with placement (for actors or workflows), but none of "
				+ "the state stores in dapr.sidecar.resources-paths " + resourcesPaths + " holds actor state: "
				+ stores.stream().map((store) -> store.name() + " (" + store.type() + ", " + store.file().getFileName()
						+ ")").toList()
				+ ". Add the metadata item {name: actorStateStore, value: \"true\"} to one transactional state store "
				+ "(daprd 1.17.5 crashes on the first actor state call without one)");
	}

	static void stopUnadopted(ConfigurableBootstrapContext bootstrap, @Nullable ConfigurableApplicationContext context) {
		if (!bootstrap.isRegistered(Launched.class)) {
			return;
		}
		if (context == null || !context.getBeanFactory().containsSingleton(SIDECAR_BEAN_NAME)) {
			// No context took it over: nothing else would stop it before the JVM exits.
			bootstrap.get(Launched.class).close();
		}
	}

	private static void adopt(ConfigurableApplicationContext context, Launched launched) {
		DaprSidecar sidecar = launched.sidecar();
		ConfigurableEnvironment environment = context.getEnvironment();
		register(context, launched);
		Integer appPort = launched.appPort();
		String portProperty = grpcApp(Binder.get(environment)) ? GRPC_PORT_PROPERTY : "server.port";
		if (appPort != null && environment.getProperty(portProperty, Integer.class, 8080) == 0) {
			// A random server port is only known after the server starts, but daprd needed
			// it at launch: the port chosen then becomes the server's.
			environment.getPropertySources()
				.addFirst(new MapPropertySource("daprSidecarAppPort", Map.of(portProperty, appPort)));
		}
		if (sidecar.appHealthCheckPath() != null && !environment.containsProperty(PROBES_PROPERTY)) {
			// The default path is the liveness group, which Boot only serves with probes on.
			environment.getPropertySources()
				.addLast(new MapPropertySource("daprSidecarAppHealthCheck", Map.of(PROBES_PROPERTY, "true")));
		}
		String metricsEndpoint = sidecar.metricsEndpoint();
		if (metricsEndpoint != null) {
			// The launched sidecar's metrics port is chosen free: it replaces any configured one.
			environment.getPropertySources()
				.addFirst(new MapPropertySource("daprSidecarMetrics",
						Map.of("dapr.sidecar.metrics.endpoint", metricsEndpoint)));
		}
		String appApiToken = launched.properties().getAppApiToken();
		// An empty dapr.app.api-token counts as unset: it must not switch the check off, so this source goes first.
		if (appApiToken != null && !StringUtils.hasText(environment.getProperty("dapr.app.api-token"))) {
			// The app requires the token its own sidecar sends.
			environment.getPropertySources()
				.addFirst(new MapPropertySource("daprSidecarAppApiToken", Map.of("dapr.app.api-token", appApiToken)));
		}
		if (appPort != null) {
			context.addApplicationListener(new ApplicationListener<ApplicationReadyEvent>() {
				@Override
				public void onApplicationEvent(ApplicationReadyEvent ready) {
					awaitApp(sidecar, appPort, launched.properties());
				}
			});
		}
	}

	private static DaprSidecarProperties properties(Binder binder) {
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

	private static boolean grpcApp(Binder binder) {
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

	static String appId(DaprSidecarProperties properties, Binder binder) {
		String appId = properties.getAppId();
		if (!StringUtils.hasText(appId)) {
			appId = binder.bind("spring.application.name", String.class).orElse("application");
		}
		// Dapr app ids may not contain dots.
		return appId.replace('.', '-');
	}

	private static @Nullable Integer appPort(DaprSidecarProperties properties, Binder binder,
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
		// now: choose a free one, which becomes the server's port (see adopt).
		return (port > 0) ? port : Ports.free();
	}

	private static void register(ConfigurableApplicationContext context, Launched launched) {
		DaprSidecar sidecar = launched.sidecar();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		LaunchedControlPlane controlPlane = launched.controlPlane();
		if (controlPlane != null) {
			// Registered before the sidecar, so destroyed after it.
			if (controlPlane.placement() != null) {
				beanFactory.registerSingleton(PLACEMENT_BEAN_NAME, controlPlane.placement());
			}
			if (controlPlane.scheduler() != null) {
				beanFactory.registerSingleton(SCHEDULER_BEAN_NAME, controlPlane.scheduler());
			}
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean("daprControlPlane", controlPlane::close);
		}
		beanFactory.registerSingleton(SIDECAR_BEAN_NAME, sidecar);
		beanFactory.registerSingleton("daprSidecarConnectionDetails", new DaprSidecarConnectionDetails(sidecar));
		// Registered before any other bean, so destroyed after all of them.
		((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(SIDECAR_BEAN_NAME, sidecar::close);
	}

	// auto launches only for an application that would otherwise talk to nobody, as Spring Boot's
	// Docker Compose support stands aside for explicit connections and in test slices.
	private static boolean standsAside(Binder binder) {
		if (!binder.bind("spring.boot.enableautoconfiguration", Boolean.class).orElse(true)) {
			logger.info("dapr.sidecar.launch=auto launches no daprd in a test slice without auto-configuration; "
					+ "set dapr.sidecar.launch=always to launch one there");
			return true;
		}
		for (String explicit : EXPLICIT_ENDPOINTS) {
			if (binder.bind(explicit, String.class).isBound()) {
				logger.info("dapr.sidecar.launch=auto launches no daprd: " + explicit + " names the sidecar to use");
				return true;
			}
		}
		return false;
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

	/** A sidecar this application launched, with what it was launched with. */
	record Launched(DaprSidecar sidecar, DaprSidecarProperties properties, @Nullable Integer appPort,
			@Nullable LaunchedControlPlane controlPlane) {

		void close() {
			this.sidecar.close();
			if (this.controlPlane != null) {
				this.controlPlane.close();
			}
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
