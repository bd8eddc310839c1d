package dev.daprspring.core.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Context;

/**
 * Cancels calls that outlive their timeout. One daemon thread checks the calls in flight
 * every 50 ms, so starting and finishing a call costs a map insert and remove, with no
 * timer to schedule and no thread to wake per call.
 */
final class CallTimeouts {

	static final CallTimeouts INSTANCE = new CallTimeouts();

	private static final long TICK_MILLIS = 50;

	private final Map<Context.CancellableContext, Long> deadlines = new ConcurrentHashMap<>();

	private CallTimeouts() {
		Thread watchdog = new Thread(this::watch, "dapr-call-timeouts");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	/** Watches a call's context; it is cancelled with a {@link Timeout} once the deadline passes. */
	void watch(Context.CancellableContext context, long timeoutNanos) {
		this.deadlines.put(context, System.nanoTime() + timeoutNanos);
	}

	/** Stops watching a finished call. */
	void forget(Context.CancellableContext context) {
		this.deadlines.remove(context);
	}

	private void watch() {
		while (true) {
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
