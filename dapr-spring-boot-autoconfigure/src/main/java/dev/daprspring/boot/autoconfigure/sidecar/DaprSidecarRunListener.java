package dev.daprspring.boot.autoconfigure.sidecar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;

/**
 * Tells a sidecar launched while configuration is imported whether the application is a
 * web application (and so whether daprd gets an app port), which only the
 * {@link SpringApplication} knows at that point.
 */
public class DaprSidecarRunListener implements SpringApplicationRunListener {

	private final SpringApplication application;

	public DaprSidecarRunListener(SpringApplication application, String[] args) {
		this.application = application;
	}

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		bootstrapContext.registerIfAbsent(ApplicationWebType.class,
				InstanceSupplier.of(new ApplicationWebType(this.application.getWebApplicationType())));
	}

	/** The web application type of the application being started. */
	record ApplicationWebType(WebApplicationType type) {
	}

}
