package dev.daprspring.boot.autoconfigure.sidecar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.ControlPlane;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.LaunchMode;
import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Launches daprd (and the control plane it needs) for an application and hands it to the
 * application's context, which stops it when it closes: registered as the
 * {@link DaprSidecar} bean and as the application's {@code DaprConnectionDetails}. A
 * sidecar is launched either when the context is prepared, or earlier, for a {@code dapr:}
 * config import, and then adopted when the bootstrap context closes.
 */
final class DaprSidecarLifecycleManager {

	private static final Log logger = LogFactory.getLog(DaprSidecarLifecycleManager.class);

	/** The bean name of the launched sidecar. */
	static final String SIDECAR_BEAN_NAME = "daprSidecar";

	/** The bean name of the launched placement service, when there is one. */
	static final String PLACEMENT_BEAN_NAME = "daprPlacement";

	/** The bean name of the launched scheduler, when there is one. */
	static final String SCHEDULER_BEAN_NAME = "daprScheduler";

	private final SpringApplication application;

	DaprSidecarLifecycleManager(SpringApplication application) {
		this.application = application;
	}

	/** Launches the sidecar into a prepared context, unless it has one or none is asked for. */
	void start(ConfigurableApplicationContext context) {
		Binder binder = Binder.get(context.getEnvironment());
		DaprSidecarProperties properties = LaunchedSidecarSettings.properties(binder);
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory.containsBean(SIDECAR_BEAN_NAME)
				|| DaprSidecarSkipCheck.shouldSkip(properties, binder, beanFactory)) {
			return;
		}
		adopt(context, launch(properties, binder));
	}

	/**
	 * The connection a config import reads from, launching the sidecar now when
	 * {@code dapr.sidecar.launch} asks for one and none is launched yet; the application
	 * adopts it when the bootstrap context closes. {@code null} when none is launched.
	 */
	@Nullable DaprSidecarConnectionDetails startForImport(ConfigurableBootstrapContext bootstrap, Binder binder) {
		DaprSidecarProperties properties = LaunchedSidecarSettings.properties(binder);
		if (properties.getLaunch() == LaunchMode.NEVER) {
			return null;
		}
		if (bootstrap.isRegistered(LaunchedSidecar.class)) {
			// Several imports read from the one sidecar (which answers by now, so auto would skip it).
			return new DaprSidecarConnectionDetails(bootstrap.get(LaunchedSidecar.class).sidecar());
		}
		if (DaprSidecarSkipCheck.shouldSkip(properties, binder)) {
			return null;
		}
		LaunchedSidecar launched = launch(properties, binder);
		bootstrap.register(LaunchedSidecar.class, InstanceSupplier.of(launched));
		bootstrap.addCloseListener((closed) -> adopt(closed.getApplicationContext(), launched));
		return new DaprSidecarConnectionDetails(launched.sidecar());
	}

	/**
	 * Stops the sidecar launched for a config import when the application failed before
	 * adopting it: nothing else would stop it before the JVM exits.
	 */
	static void stopUnadopted(ConfigurableBootstrapContext bootstrap, @Nullable ConfigurableApplicationContext context) {
		if (bootstrap.isRegistered(LaunchedSidecar.class)
				&& (context == null || !context.getBeanFactory().containsSingleton(SIDECAR_BEAN_NAME))) {
			bootstrap.get(LaunchedSidecar.class).close();
		}
	}

	private LaunchedSidecar launch(DaprSidecarProperties properties, Binder binder) {
		Integer appPort = LaunchedSidecarSettings.appPort(properties, binder, webApplicationType(binder));
		DaprSidecar.Builder builder = LaunchedSidecarSettings.builder(properties,
				LaunchedSidecarSettings.appId(properties, binder), appPort);
		ControlPlane wanted = properties.getControlPlane();
		LaunchedControlPlane controlPlane = LaunchedControlPlane.startIfWanted(wanted, binder, applicationPackages());
		try {
			String placement = (controlPlane != null && controlPlane.placement() != null)
					? controlPlane.placement().address() : wanted.getPlacementAddress();
			String scheduler = (controlPlane != null && controlPlane.scheduler() != null)
					? controlPlane.scheduler().address() : wanted.getSchedulerAddress();
			builder.scheduler(scheduler);
			if (placement != null) {
				LaunchedSidecarSettings.placement(builder, properties, placement);
			}
			return new LaunchedSidecar(builder.build().start(), properties, controlPlane);
		}
		catch (RuntimeException ex) {
			if (controlPlane != null) {
				controlPlane.close();
			}
			throw ex;
		}
	}

	// spring.main.* is bound to the application only after config imports: read it directly.
	private WebApplicationType webApplicationType(Binder binder) {
		return binder.bind("spring.main.web-application-type", WebApplicationType.class)
			.orElseGet(this.application::getWebApplicationType);
	}

	// Where the application's component scanning starts.
	private List<String> applicationPackages() {
		List<String> names = new ArrayList<>();
		for (Object source : this.application.getAllSources()) {
			if (source instanceof Class<?> type && !names.contains(type.getPackageName())) {
				names.add(type.getPackageName());
			}
		}
		return names;
	}

	private static void adopt(ConfigurableApplicationContext context, LaunchedSidecar launched) {
		DaprSidecar sidecar = launched.sidecar();
		register(context.getBeanFactory(), launched);
		LaunchedSidecarPropertySources.addTo(context.getEnvironment(), sidecar,
				launched.properties().getAppApiToken());
		Integer appPort = sidecar.appPort();
		if (appPort != null) {
			context.addApplicationListener(new ApplicationListener<ApplicationReadyEvent>() {
				@Override
				public void onApplicationEvent(ApplicationReadyEvent ready) {
					awaitApp(sidecar, appPort, launched.properties());
				}
			});
		}
	}

	private static void register(ConfigurableListableBeanFactory beanFactory, LaunchedSidecar launched) {
		DaprSidecar sidecar = launched.sidecar();
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

	// Once the app serves, daprd reaches it; a warning, not a failure, if it does not report so.
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
