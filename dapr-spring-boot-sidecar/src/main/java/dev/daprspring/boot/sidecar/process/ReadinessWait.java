package dev.daprspring.boot.sidecar.process;

import java.time.Duration;

/**
 * Waits for a started process to pass its {@link ReadinessCheck}: the one loop behind
 * every "started when it answers" of daprd, the control-plane services and the test
 * servers. The caller words the failure, since only it knows what was started.
 */
public final class ReadinessWait {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

	/** How a wait ended. */
	public enum Outcome {

		/** The check passed. */
		READY,

		/** The process exited first. */
		EXITED,

		/** The deadline passed first. */
		TIMED_OUT

	}

	private ReadinessWait() {
	}

	/**
	 * Asks the check until it passes, the process exits, or {@link System#nanoTime()}
	 * passes the deadline; the process is left running whatever the outcome.
	 * @param deadline a {@link System#nanoTime()} value
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	public static Outcome await(ChildProcess process, ReadinessCheck check, long deadline)
			throws InterruptedException {
		while (true) {
			if (!process.isAlive()) {
				return Outcome.EXITED;
			}
			if (check.isReady()) {
				return Outcome.READY;
			}
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
			if (System.nanoTime() > deadline) {
				return Outcome.TIMED_OUT;
			}
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
	}

}
