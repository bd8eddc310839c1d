package dev.daprspring.workflows.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method a workflow activity: the unit of work a workflow calls, run at
 * least once (again when the application stops before it reported its result). The
 * method takes at most one input, and optionally an
 * {@link dev.daprspring.workflows.ActivityContext}; input and result are JSON of the
 * application's {@code JsonMapper}. Anything it throws fails the call with the
 * exception's type and message.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DaprActivity {

	/** The name workflows call it by; the method's name when empty. */
	String name() default "";

}
