package dev.daprspring.messaging.job;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of any bean as the handler of the job of this name, scheduled with
 * {@code DaprOperations.jobs()}. Its parameter, if any, is the job's data (converted like a
 * binding event's body: {@code String} and {@code byte[]} as they are, anything else from
 * JSON), or {@code Message<T>}; {@code @Header("dapr_job")} gives the job's name. Returning
 * normally completes the tick; an exception fails it, and the job's failure policy decides
 * whether the scheduler calls again.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DaprJobListener {

	/** The job's name; placeholders are resolved. */
	String value();

}
