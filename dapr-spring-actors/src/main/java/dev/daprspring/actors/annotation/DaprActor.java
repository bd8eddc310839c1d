package dev.daprspring.actors.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Makes a class the implementation of a Dapr actor type. It is a Spring bean of its own
 * scope: one instance per active actor id, created with constructor injection of any
 * application bean and of its {@link dev.daprspring.actors.ActorContext}.
 * <p>
 * Its public methods are the actor's methods, called by name; each takes at most one
 * argument and returns a value or nothing, both as JSON through the application's
 * {@code JsonMapper}. The same annotation on an interface names the type for
 * {@link dev.daprspring.actors.client.ActorProxyFactory proxies}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public @interface DaprActor {

	/** The actor type, for example {@code Cart}; also the name of the implementation's bean. */
	@AliasFor(annotation = Component.class)
	String value();

}
