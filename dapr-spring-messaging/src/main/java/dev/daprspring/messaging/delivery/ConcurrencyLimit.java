package dev.daprspring.messaging.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.TopicEndpoint;

/**
 * How many deliveries of one handler run at once, single events and batches alike: one
 * beyond the limit waits for a permit, for a bounded time, so that a handler that hangs
 * cannot park every delivery thread of the server for ever.
 */
final class ConcurrencyLimit {

	private static final Log logger = LogFactory.getLog(ConcurrencyLimit.class);

	private final @Nullable Semaphore permits;

	private final TopicEndpoint endpoint;

	private final Duration wait;

	ConcurrencyLimit(TopicEndpoint endpoint, Duration wait) {
		this.permits = (endpoint.concurrency() > 0) ? new Semaphore(endpoint.concurrency()) : null;
		this.endpoint = endpoint;
		this.wait = wait;
	}

	/**
	 * Runs the work once a permit is free.
	 * @param busy answers instead when no permit became free in time, or the wait was
	 * interrupted; it is handed why
	 */
	<T> T run(Supplier<T> work, Function<Exception, T> busy) {
		Semaphore permits = this.permits;
		if (permits == null) {
			return work.get();
		}
		try {
			acquire(permits);
		}
		catch (NoPermitException ex) {
			return busy.apply(ex);
		}
		try {
			return work.get();
		}
		finally {
			permits.release();
		}
	}

	private void acquire(Semaphore permits) throws NoPermitException {
		try {
			if (!permits.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS)) {
				NoPermitException ex = new NoPermitException("All " + this.endpoint.concurrency()
						+ " concurrent deliveries of " + this.endpoint.describe() + " stayed busy for " + this.wait
						+ " (dapr.messaging.concurrency-wait); asking the sidecar to deliver the event again", null);
				logger.warn(ex.getMessage());
				throw ex;
			}
		}
		catch (InterruptedException ex) {
			// Shutting down: the sidecar should deliver the event again later.
			Thread.currentThread().interrupt();
			throw new NoPermitException("Interrupted while waiting for a free delivery of " + this.endpoint.describe(),
					ex);
		}
	}

	/** No permit became free. */
	private static final class NoPermitException extends Exception {

		NoPermitException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
