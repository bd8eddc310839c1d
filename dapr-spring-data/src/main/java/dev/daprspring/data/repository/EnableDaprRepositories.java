package dev.daprspring.data.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;

/**
 * Finds the {@link DaprStateRepository @DaprStateRepository} interfaces in the given packages
 * (default: the annotated class's package) and registers them as beans. Needs a
 * {@link dev.daprspring.core.DaprOperations} bean.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(DaprRepositoriesRegistrar.class)
public @interface EnableDaprRepositories {

	/** Alias of {@link #basePackages()}. */
	String[] value() default {};

	/** The packages to scan. */
	String[] basePackages() default {};

	/** Classes whose packages are scanned. */
	Class<?>[] basePackageClasses() default {};

	/** Which interfaces to exclude. */
	Filter[] excludeFilters() default {};

	/** Which interfaces to include (they still need {@code @DaprStateRepository}). */
	Filter[] includeFilters() default {};

	/** The postfix of custom implementation classes. */
	String repositoryImplementationPostfix() default "Impl";

	/** Where named queries are (not used by Dapr repositories). */
	String namedQueriesLocation() default "";

	/** How query methods are resolved. */
	QueryLookupStrategy.Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

	/** The factory bean creating each repository. */
	Class<?> repositoryFactoryBeanClass() default DaprRepositoryFactoryBean.class;

	/** The base class of repository implementations. */
	Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

	/** The bean name generator for repository beans. */
	Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;

	/** Whether repository interfaces nested in other classes are found. */
	boolean considerNestedRepositories() default false;

}
