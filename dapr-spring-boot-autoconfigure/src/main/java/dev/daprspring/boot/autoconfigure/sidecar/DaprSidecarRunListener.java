package dev.daprspring.boot.autoconfigure.sidecar;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Offers config imports the application's own sidecar, as a {@link LaunchedSidecarConnection}
 * in the bootstrap context, and stops a sidecar launched for them when the application
 * fails before adopting it.
 */
class DaprSidecarRunListener implements SpringApplicationRunListener {

	static final boolean SIDECAR_PRESENT = ClassUtils.isPresent("dev.daprspring.boot.sidecar.DaprSidecar",
			DaprSidecarRunListener.class.getClassLoader());

	private final SpringApplication application;

	private @Nullable ConfigurableBootstrapContext bootstrapContext;

	DaprSidecarRunListener(SpringApplication application, String[] args) {
		this.application = application;
	}

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		if (!SIDECAR_PRESENT) {
			return;
		}
		this.bootstrapContext = bootstrapContext;
		DaprSidecarLifecycleManager manager = new DaprSidecarLifecycleManager(this.application);
		bootstrapContext.registerIfAbsent(LaunchedSidecarConnection.class,
				InstanceSupplier.of((binder) -> manager.startForImport(bootstrapContext, binder)));
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		if (this.bootstrapContext != null) {
			DaprSidecarLifecycleManager.stopUnadopted(this.bootstrapContext, context);
		}
	}

}
