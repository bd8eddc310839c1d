package dev.daprspring.data.index;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs an ETag-guarded step until it wins, at most a few times, with a growing random pause
 * so that writers that collided do not collide again.
 */
public final class ConflictRetry {

	/** How many times a step runs before giving up. */
	public static final int MAX_ATTEMPTS = 50;

	private ConflictRetry() {
	}

	/**
	 * Runs the step until it returns a non-null result.
	 * @throws OptimisticLockingFailureException after {@link #MAX_ATTEMPTS} conflicts
	 */
	public static <T> T untilDone(String what, Supplier<@Nullable T> step) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			T result = step.get();
			if (result != null) {
				return result;
			}
			pause(attempt);
		}
		throw new OptimisticLockingFailureException(what + " kept conflicting with concurrent writers ("
				+ MAX_ATTEMPTS + " attempts); nothing more was written");
	}

	private static void pause(int attempt) {
		long bound = Math.min(1L << Math.min(attempt, 6), 50);
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OptimisticLockingFailureException("Interrupted while retrying a conflicting write", ex);
		}
	}

}
