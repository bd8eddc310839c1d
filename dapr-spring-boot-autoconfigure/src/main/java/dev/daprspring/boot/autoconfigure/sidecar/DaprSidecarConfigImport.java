package dev.daprspring.boot.autoconfigure.sidecar;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The sidecar a {@code dapr:} config import reads from when the application launches its
 * own: launched then, before the application's beans, and adopted by the application
 * afterwards. Without {@code dapr-spring-boot-sidecar} on the classpath nothing is launched.
 */
public final class DaprSidecarConfigImport {

	private static final boolean SIDECAR_PRESENT = ClassUtils.isPresent("dev.daprspring.boot.sidecar.DaprSidecar",
			DaprSidecarConfigImport.class.getClassLoader());

	private DaprSidecarConfigImport() {
	}

	/**
	 * The connection to the sidecar launched for this application, launching it now if
	 * {@code dapr.sidecar.launch} asks for one; {@code null} when none is launched.
	 */
	public static @Nullable DaprConnectionDetails connection(ConfigurableBootstrapContext bootstrap, Binder binder) {
		if (!SIDECAR_PRESENT) {
			return null;
		}
		return Launch.connection(bootstrap, binder);
	}

	/**
	 * Stops the sidecar launched for a config import when the application failed before
	 * adopting it (an adopted one stops with the context).
	 */
	static void stopUnadopted(ConfigurableBootstrapContext bootstrap, @Nullable ConfigurableApplicationContext context) {
		if (SIDECAR_PRESENT) {
			Launch.stopUnadopted(bootstrap, context);
		}
	}

	// Loaded only when dapr-spring-boot-sidecar is present.
	private static final class Launch {

		static void stopUnadopted(ConfigurableBootstrapContext bootstrap,
				@Nullable ConfigurableApplicationContext context) {
			DaprSidecarLauncher.stopUnadopted(bootstrap, context);
		}

		static @Nullable DaprConnectionDetails connection(ConfigurableBootstrapContext bootstrap, Binder binder) {
			DaprSidecar sidecar = DaprSidecarLauncher.launchForConfigImport(bootstrap, binder);
			return (sidecar != null) ? new DaprSidecarConnectionDetails(sidecar) : null;
		}

	}

}
