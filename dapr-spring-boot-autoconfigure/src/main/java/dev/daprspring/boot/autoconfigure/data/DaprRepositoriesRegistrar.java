package dev.daprspring.boot.autoconfigure.data;

import java.lang.annotation.Annotation;

import dev.daprspring.data.repository.DaprRepositoryConfigurationExtension;
import dev.daprspring.data.repository.EnableDaprRepositories;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the {@code @DaprStateRepository} interfaces found in the application's
 * auto-configuration packages, as if {@code @EnableDaprRepositories} were declared there.
 */
class DaprRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableDaprRepositories.class;
	}

	@Override
	protected Class<?> getConfiguration() {
		return EnableDaprRepositoriesConfiguration.class;
	}

	@Override
	protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
		return new DaprRepositoryConfigurationExtension();
	}

	// Carries the annotation's defaults; the packages come from AutoConfigurationPackages.
	@EnableDaprRepositories
	private static final class EnableDaprRepositoriesConfiguration {

	}

}
