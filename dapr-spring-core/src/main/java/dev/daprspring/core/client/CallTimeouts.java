package dev.daprspring.core.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import io.grpc.Context;

/**
 * Cancels calls that outlive their timeout. One daemon thread checks the calls in flight
 * every 50 ms, so starting and finishing a call costs a map insert and remove, with no
 * timer to schedule and no thread to wake per call. With no call in flight it parks.
 */
final class CallTimeouts {

	static final CallTimeouts INSTANCE = new CallTimeouts();

	private static final long TICK_MILLIS = 50;

	private final Map<Context.CancellableContext, Long> deadlines = new ConcurrentHashMap<>();

	private final Thread watchdog;

	private volatile boolean idle;

	private CallTimeouts() {
		this.watchdog = new Thread(this::watch, "dapr-call-timeouts");
		this.watchdog.setDaemon(true);
		// Not the loader of whichever thread made the first call (a web app's, say): a
		// servlet container stopping that app would report the thread as leaked.
		this.watchdog.setContextClassLoader(CallTimeouts.class.getClassLoader());
		this.watchdog.start();
	}

	/** Watches a call's context; it is cancelled with a {@link Timeout} once the deadline passes. */
	void watch(Context.CancellableContext context, long timeoutNanos) {
		this.deadlines.put(context, System.nanoTime() + timeoutNanos);
		if (this.idle) {
			LockSupport.unpark(this.watchdog);
		}
	}

	/** Stops watching a finished call. */
	void forget(Context.CancellableContext context) {
		this.deadlines.remove(context);
	}

	private void watch() {
		while (true) {
			if (this.deadlines.isEmpty()) {
				// idle is set before the second look, so a call added in between unparks us.
				this.idle = true;
				if (this.deadlines.isEmpty()) {
					LockSupport.park(this);
				}
				this.idle = false;
				continue;
			}
			try {
				Thread.sleep(TICK_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
			long now = System.nanoTime();
			this.deadlines.forEach((context, deadline) -> {
				if (now - deadline >= 0 && this.deadlines.remove(context, deadline)) {
					context.cancel(new Timeout());
				}
			});
		}
	}

	/** The cause of a call cancelled by its timeout. */
	static final class Timeout extends RuntimeException {

		Timeout() {
			super("client timeout", null, false, false);
		}

	}

}
