package dev.daprspring.workflows.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Makes a {@link dev.daprspring.workflows.Workflow} bean a durable workflow that this
 * application runs. It is a singleton like any bean, with injection; its
 * {@code run} method is replayed from the workflow's history, so it must be
 * deterministic (see the README's rules).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface DaprWorkflow {

	/** The name instances are scheduled by; the class's simple name when empty. */
	String name() default "";

	/** The version this class implements; empty for a workflow with one implementation. */
	String version() default "";

	/** Whether new instances of a versioned workflow start on this version. */
	boolean latest() default false;

}
