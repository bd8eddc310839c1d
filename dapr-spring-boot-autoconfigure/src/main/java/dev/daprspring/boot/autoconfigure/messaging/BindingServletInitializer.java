package dev.daprspring.boot.autoconfigure.messaging;

import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.binding.BindingEndpoint;
import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.binding.BindingNames;
import dev.daprspring.messaging.http.DaprBindingServlet;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.util.Assert;

/**
 * Registers the {@link DaprBindingServlet} when the web server starts, mapped to exactly
 * {@code /<binding>} for each {@code @BindingListener} binding name of the application's
 * bean definitions, and to nothing else: the rest of the root path space stays the
 * application's. Once every bean exists, it fails the startup if a listener was found
 * that the web server does not serve.
 */
final class BindingServletInitializer implements ServletContextInitializer, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(BindingServletInitializer.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final BindingEndpointRegistry registry;

	private final DaprBindingServlet servlet;

	private final boolean tokenRequired;

	// The names mapped when the web server started; null without a server (a mock web environment).
	private volatile @Nullable Set<String> served;

	BindingServletInitializer(ConfigurableListableBeanFactory beanFactory, BindingEndpointRegistry registry,
			DaprBindingServlet servlet, boolean tokenRequired) {
		this.beanFactory = beanFactory;
		this.registry = registry;
		this.servlet = servlet;
		this.tokenRequired = tokenRequired;
	}

	@Override
	public void onStartup(ServletContext servletContext) {
		Set<String> names = BindingNames.of(this.beanFactory);
		this.served = names;
		if (names.isEmpty()) {
			return;
		}
		ServletRegistration.Dynamic registration = servletContext.addServlet("daprBindingServlet", this.servlet);
		Assert.state(registration != null, "A servlet named 'daprBindingServlet' is already registered");
		Set<String> conflicts = registration.addMapping(DaprBindingServlet.mappings(names));
		Assert.state(conflicts.isEmpty(), () -> "Input binding paths " + conflicts + " are already mapped to "
				+ "another servlet; rename the binding or that servlet's mapping");
		logger.debug("Serving input bindings " + names);
		if (!this.tokenRequired) {
			DaprMessagingAutoConfiguration.warnWithoutAppApiToken("The HTTP app channel for input bindings " + names);
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<String> served = this.served;
		if (served == null) {
			return;
		}
		List<BindingEndpoint> unserved = this.registry.getEndpoints()
			.stream()
			.filter((endpoint) -> !served.contains(endpoint.name()))
			.toList();
		Assert.state(unserved.isEmpty(), () -> "@BindingListener methods " + unserved + " were found only after "
				+ "the web server started, so it does not serve their bindings: the type their beans are declared "
				+ "with does not show the method. Declare those beans with their class (for example as the return "
				+ "type of the @Bean method)");
	}

}
