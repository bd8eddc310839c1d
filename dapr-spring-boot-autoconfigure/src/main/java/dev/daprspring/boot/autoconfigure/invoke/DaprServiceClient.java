package dev.daprspring.boot.autoconfigure.invoke;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks an {@code @HttpExchange} interface as a client of another Dapr app. Interfaces
 * with it in the application's packages (those of {@code @SpringBootApplication}) become
 * beans whose requests go to that app through the sidecar.
 *
 * <pre class="code">
 * &#64;DaprServiceClient("orders")
 * &#64;HttpExchange("/orders")
 * interface OrderClient {
 *
 *     &#64;GetExchange("/{id}")
 *     Order get(&#64;PathVariable long id);
 *
 * }
 * </pre>
 *
 * The bean is named like a component ({@code orderClient}); the property
 * {@code dapr.invoke.app-ids.<bean-name>} replaces the app id given here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DaprServiceClient {

	/** Alias for {@link #appId()}. */
	@AliasFor("appId")
	String value() default "";

	/** The Dapr app id to call; {@code ${...}} placeholders are resolved. */
	@AliasFor("value")
	String appId() default "";

}
