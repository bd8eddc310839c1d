package dev.daprspring.core.job;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What the scheduler does when the application fails a triggered job: drop that tick, or
 * call again at a constant interval up to a number of retries.
 *
 * @param interval the time between retries; {@code null} to drop the tick
 * @param maxRetries how many times to retry; {@code null} for no limit
 */
public record JobFailurePolicy(@Nullable Duration interval, @Nullable Integer maxRetries) {

	public JobFailurePolicy {
		Assert.isTrue(interval == null || !interval.isNegative(), "Retry interval must not be negative");
		Assert.isTrue(maxRetries == null || maxRetries >= 0, "Max retries must not be negative");
	}

	/** A failed tick is not retried. */
	public static JobFailurePolicy drop() {
		return new JobFailurePolicy(null, null);
	}

	/** A failed tick is retried every {@code interval}, at most {@code maxRetries} times. */
	public static JobFailurePolicy constant(Duration interval, int maxRetries) {
		return new JobFailurePolicy(interval, maxRetries);
	}

	/** A failed tick is retried every {@code interval} until it succeeds. */
	public static JobFailurePolicy constant(Duration interval) {
		return new JobFailurePolicy(interval, null);
	}

	boolean drops() {
		return this.interval == null;
	}

}
