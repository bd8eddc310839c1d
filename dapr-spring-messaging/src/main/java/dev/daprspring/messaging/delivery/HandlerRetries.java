package dev.daprspring.messaging.delivery;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;

/**
 * The retry policy of handlers inside the application: an exponential back-off, never for
 * failures that another try cannot mend (events the error handler drops, and the configured
 * exception types, matched anywhere in the cause chain).
 */
public final class HandlerRetries {

	private HandlerRetries() {
	}

	/**
	 * @param maxRetries how many times a failed handler is called again; 0 for none
	 * @param delay the wait before the first retry
	 * @param multiplier how much each wait grows
	 * @param maxDelay the longest wait
	 * @param noRetryOn exception types never retried
	 * @param dropped failures the error handler drops (never retried either)
	 * @return the policy, or {@code null} when {@code maxRetries} is 0
	 */
	public static @Nullable RetryPolicy policy(int maxRetries, Duration delay, double multiplier, Duration maxDelay,
			List<Class<? extends Throwable>> noRetryOn, Predicate<Throwable> dropped) {
		if (maxRetries <= 0) {
			return null;
		}
		return RetryPolicy.builder()
			.maxRetries(maxRetries)
			.delay(delay)
			.multiplier(multiplier)
			.maxDelay(maxDelay)
			.predicate((error) -> !dropped.test(error) && !inCauseChain(error, noRetryOn))
			.build();
	}

	static boolean inCauseChain(Throwable error, List<Class<? extends Throwable>> types) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

}
