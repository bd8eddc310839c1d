package dev.daprspring.core.job;

import org.jspecify.annotations.Nullable;

/**
 * A job as the scheduler holds it.
 *
 * @param name its name
 * @param schedule its cron expression or period, if any
 * @param dueTime its due time, if any
 * @param repeats how many times it runs at most, if limited
 * @param ttl when it expires, if it does
 * @param data its data converted to the requested type, or {@code null}
 * @param <T> the data's type
 */
public record ScheduledJob<T>(String name, @Nullable String schedule, @Nullable String dueTime,
		@Nullable Integer repeats, @Nullable String ttl, @Nullable T data) {

}
