package dev.daprspring.messaging.job;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A distributed {@code @Scheduled}: the method runs on one instance of the application per
 * tick, however many instances run. At startup each instance declares a job of this name in
 * Dapr's scheduler (unless one with the same schedule is there already); the scheduler hands
 * each tick to one of the application's sidecars. Give exactly one of {@link #cron()} and
 * {@link #every()}.
 * <p>
 * Ticks are not skipped while an earlier run is still going: a slow run may overlap the next
 * tick on another instance. A tick that falls while no instance runs is delivered when one
 * connects (the scheduler keeps it), not dropped. A failing run is retried under the
 * scheduler's default failure policy.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DaprScheduled {

	/** The job's name; by default {@code <bean class simple name>.<method>}. Placeholders are resolved. */
	String name() default "";

	/** A cron expression with seconds first ({@code "0 0 2 * * *"}) or a descriptor ({@code "@daily"}). */
	String cron() default "";

	/** A fixed period as a Go duration, for example {@code "30s"} or {@code "1h30m"}. Placeholders are resolved. */
	String every() default "";

	/** How many times the job runs at most; 0 for no limit. */
	int repeats() default 0;

}
