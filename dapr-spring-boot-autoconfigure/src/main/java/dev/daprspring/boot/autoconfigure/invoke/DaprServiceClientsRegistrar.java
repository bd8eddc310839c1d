package dev.daprspring.boot.autoconfigure.invoke;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Registers a bean for each {@link DaprServiceClient} type in the application's
 * auto-configuration packages.
 */
final class DaprServiceClientsRegistrar
		implements ImportBeanDefinitionRegistrar, BeanFactoryAware, EnvironmentAware, ResourceLoaderAware {

	private static final Log logger = LogFactory.getLog(DaprServiceClientsRegistrar.class);

	private @Nullable BeanFactory beanFactory;

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClass, BeanDefinitionRegistry registry) {
		Assert.state(this.beanFactory != null && this.environment != null && this.resourceLoader != null,
				"Bean factory, environment and resource loader must be set");
		if (!AutoConfigurationPackages.has(this.beanFactory)) {
			logger.debug("No auto-configuration packages, so no @DaprServiceClient interfaces are looked for");
			return;
		}
		List<String> packages = AutoConfigurationPackages.get(this.beanFactory);
		ClassPathScanningCandidateComponentProvider scanner = scanner(this.environment, this.resourceLoader);
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				register((AnnotatedBeanDefinition) candidate, registry, this.beanFactory, this.environment,
						this.resourceLoader.getClassLoader());
			}
		}
	}

	private static void register(AnnotatedBeanDefinition candidate, BeanDefinitionRegistry registry,
			BeanFactory beanFactory, Environment environment, @Nullable ClassLoader classLoader) {
		AnnotationMetadata metadata = candidate.getMetadata();
		Assert.state(metadata.isInterface(),
				() -> "@DaprServiceClient belongs on an @HttpExchange interface, but " + metadata.getClassName()
						+ " is a class: declare the calls to the other app as an interface with @GetExchange, "
						+ "@PostExchange... methods");
		Class<?> type = ClassUtils.resolveClassName(metadata.getClassName(), classLoader);
		String beanName = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry);
		MergedAnnotation<DaprServiceClient> annotation = metadata.getAnnotations().get(DaprServiceClient.class);
		registry.registerBeanDefinition(beanName,
				definition(type, beanName, annotation.getString("appId"), beanFactory, environment));
	}

	private static <T> RootBeanDefinition definition(Class<T> type, String beanName, String appId,
			BeanFactory beanFactory, Environment environment) {
		return new RootBeanDefinition(type,
				new DaprServiceClientFactory<>(beanName, type, appId, beanFactory, environment));
	}

	private static ClassPathScanningCandidateComponentProvider scanner(Environment environment,
			ResourceLoader resourceLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				environment) {

			// Interfaces are what this looks for; classes are kept only to be reported.
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
				return beanDefinition.getMetadata().isIndependent();
			}

		};
		scanner.setResourceLoader(resourceLoader);
		scanner.addIncludeFilter(new AnnotationTypeFilter(DaprServiceClient.class, false, false));
		return scanner;
	}

}
