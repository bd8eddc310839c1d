package dev.daprspring.workflows;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How often and how far apart a failed activity or child workflow is attempted again
 * (durable retries: each wait is a timer in the workflow's history).
 *
 * @param maxAttempts attempts in all, the first included
 * @param firstInterval the wait before the second attempt
 * @param backoffCoefficient each further wait is the one before times this
 * @param maxInterval the longest wait, or {@code null} for no limit
 * @param timeout no attempt starts after this much time from the first, or {@code null}
 */
public record WorkflowRetryPolicy(int maxAttempts, Duration firstInterval, double backoffCoefficient,
		@Nullable Duration maxInterval, @Nullable Duration timeout) {

	public WorkflowRetryPolicy {
		Assert.isTrue(maxAttempts >= 1, () -> "maxAttempts must be at least 1, not " + maxAttempts);
		Assert.isTrue(!firstInterval.isNegative() && !firstInterval.isZero(),
				() -> "firstInterval must be positive, not " + firstInterval);
		Assert.isTrue(backoffCoefficient >= 1.0,
				() -> "backoffCoefficient must be at least 1.0, not " + backoffCoefficient);
	}

	/** {@code maxAttempts} attempts, {@code firstInterval} apart, without backoff. */
	public static WorkflowRetryPolicy of(int maxAttempts, Duration firstInterval) {
		return new WorkflowRetryPolicy(maxAttempts, firstInterval, 1.0, null, null);
	}

	public WorkflowRetryPolicy withBackoff(double coefficient, Duration maxInterval) {
		return new WorkflowRetryPolicy(this.maxAttempts, this.firstInterval, coefficient, maxInterval, this.timeout);
	}

	public WorkflowRetryPolicy withTimeout(Duration timeout) {
		return new WorkflowRetryPolicy(this.maxAttempts, this.firstInterval, this.backoffCoefficient,
				this.maxInterval, timeout);
	}

}
