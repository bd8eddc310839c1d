package dev.daprspring.actors.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link DaprActor} that the reminder of this name calls. It takes
 * nothing or the reminder's data, converted from JSON to its parameter type.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DaprReminder {

	/** The reminder's name, as registered with {@code ActorSchedules.registerReminder}. */
	String value();

}
