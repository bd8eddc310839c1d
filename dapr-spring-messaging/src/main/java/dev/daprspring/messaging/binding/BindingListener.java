package dev.daprspring.messaging.binding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of any bean as the handler of an input binding's events. Its parameters
 * may be the event's body (converted to the declared type: {@code String} and
 * {@code byte[]} as they are, anything else from JSON), {@code Message<T>}, and
 * {@code @Header} parameters reading the event's metadata by lower-case name. Returning
 * normally acknowledges the event; an exception reports a failure to the sidecar.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BindingListener {

	/** The name of the input binding component; placeholders are resolved. */
	String value();

}
