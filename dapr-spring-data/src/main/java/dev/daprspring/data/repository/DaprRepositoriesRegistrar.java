package dev.daprspring.data.repository;

import java.lang.annotation.Annotation;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the repositories {@link EnableDaprRepositories} finds.
 */
class DaprRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableDaprRepositories.class;
	}

	@Override
	protected RepositoryConfigurationExtension getExtension() {
		return new DaprRepositoryConfigurationExtension();
	}

}
