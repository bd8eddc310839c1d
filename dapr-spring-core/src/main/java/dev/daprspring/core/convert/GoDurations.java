package dev.daprspring.core.convert;

import java.time.Duration;

/**
 * Durations as daprd reads them: it parses times of actors, reminders, timers and jobs
 * with Go's {@code time.ParseDuration}, which takes {@code "1500ms"} but not ISO-8601.
 */
public final class GoDurations {

	private GoDurations() {
	}

	/** The duration in milliseconds, for example {@code "1500ms"}. */
	public static String format(Duration duration) {
		return duration.toMillis() + "ms";
	}

}
