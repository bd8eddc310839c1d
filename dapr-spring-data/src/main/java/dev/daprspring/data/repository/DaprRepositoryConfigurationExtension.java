package dev.daprspring.data.repository;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;

import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;
import org.springframework.data.repository.config.RepositoryConfigurationSource;
import org.springframework.data.repository.core.RepositoryMetadata;

/**
 * Spring Data configuration of Dapr repositories: only interfaces annotated with
 * {@link DaprStateRepository} become Dapr repositories; they share one mapping context and one
 * {@link DaprRepositoryTemplates}.
 */
public class DaprRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

	/** The bean name of the shared {@link DaprRepositoryTemplates}. */
	public static final String TEMPLATES_BEAN_NAME = "daprRepositoryTemplates";

	/** The bean name of the shared {@link DaprMappingContext}. */
	public static final String MAPPING_CONTEXT_BEAN_NAME = "daprMappingContext";

	@Override
	public String getModuleName() {
		return "Dapr";
	}

	@Override
	protected String getModulePrefix() {
		return "dapr";
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return DaprRepositoryFactoryBean.class.getName();
	}

	@Override
	protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
		return List.of(DaprStateRepository.class);
	}

	@Override
	protected boolean useRepositoryConfiguration(RepositoryMetadata metadata) {
		return metadata.getRepositoryInterface().isAnnotationPresent(DaprStateRepository.class);
	}

	@Override
	public void registerBeansForRoot(BeanDefinitionRegistry registry, RepositoryConfigurationSource source) {
		super.registerBeansForRoot(registry, source);
		registerIfNotAlreadyRegistered(
				() -> BeanDefinitionBuilder.genericBeanDefinition(DaprMappingContext.class).getBeanDefinition(),
				registry, MAPPING_CONTEXT_BEAN_NAME, source.getSource());
		registerIfNotAlreadyRegistered(() -> BeanDefinitionBuilder.genericBeanDefinition(DaprRepositoryTemplates.class)
			.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR)
			.getBeanDefinition(), registry, TEMPLATES_BEAN_NAME, source.getSource());
	}

	@Override
	public void postProcess(BeanDefinitionBuilder builder, RepositoryConfigurationSource source) {
		builder.addPropertyReference("templates", TEMPLATES_BEAN_NAME);
	}

}
