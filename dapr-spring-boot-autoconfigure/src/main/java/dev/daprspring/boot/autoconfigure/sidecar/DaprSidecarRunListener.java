package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tells a sidecar launched while configuration is imported whether the application is a
 * web application (and so whether daprd gets an app port), which only the
 * {@link SpringApplication} knows at that point, and stops that sidecar when the
 * application fails before adopting it.
 */
public class DaprSidecarRunListener implements SpringApplicationRunListener {

	private final SpringApplication application;

	private @Nullable ConfigurableBootstrapContext bootstrapContext;

	public DaprSidecarRunListener(SpringApplication application, String[] args) {
		this.application = application;
	}

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		this.bootstrapContext = bootstrapContext;
		bootstrapContext.registerIfAbsent(ApplicationWebType.class,
				InstanceSupplier.of(new ApplicationWebType(this.application.getWebApplicationType())));
		bootstrapContext.registerIfAbsent(ApplicationPackages.class,
				InstanceSupplier.of(ApplicationPackages.of(this.application)));
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		if (this.bootstrapContext != null) {
			DaprSidecarConfigImport.stopUnadopted(this.bootstrapContext, context);
		}
	}

	/** The web application type of the application being started. */
	record ApplicationWebType(WebApplicationType type) {
	}

	/** The packages of the application's class sources, where its component scanning starts. */
	record ApplicationPackages(List<String> names) {

		static ApplicationPackages of(SpringApplication application) {
			List<String> names = new ArrayList<>();
			for (Object source : application.getAllSources()) {
				if (source instanceof Class<?> type && !names.contains(type.getPackageName())) {
					names.add(type.getPackageName());
				}
			}
			return new ApplicationPackages(List.copyOf(names));
		}

	}

}
