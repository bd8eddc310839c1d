package dev.daprspring.data.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring Data repository interface whose entities live in a Dapr state store.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DaprStateRepository {

	/** The state store; empty for {@code dapr.data.default-store}, else the default state store. */
	String store() default "";

	/**
	 * The keyspace (the key prefix before {@code :<id>}); empty for the entity's
	 * {@code @KeySpace}, else its simple class name in lower camel case.
	 */
	String keyspace() default "";

}
