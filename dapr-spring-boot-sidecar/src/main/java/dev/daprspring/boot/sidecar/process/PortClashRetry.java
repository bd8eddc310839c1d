package dev.daprspring.boot.sidecar.process;

import java.util.Locale;
import java.util.function.IntFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs a start attempt again when it failed because a port chosen free was taken between
 * choosing it and the process binding it, which no choice of ports can rule out. A clash
 * is told from the attempt's own lines in the process log.
 */
public final class PortClashRetry {

	private static final Log logger = LogFactory.getLog(PortClashRetry.class);

	/** Attempts in all, the first included. */
	static final int ATTEMPTS = 3;

	private PortClashRetry() {
	}

	/**
	 * Runs the attempt, and again while it throws and the log shows a port clash, at most
	 * {@value #ATTEMPTS} times in all. An attempt cleans up after itself before it throws.
	 * @param name what is started, for the log message
	 * @param attempt given the attempt's number, from 1; returns what was started
	 * @return the first successful attempt's result
	 */
	public static <T> T run(String name, ProcessLog log, IntFunction<T> attempt) {
		for (int number = 1;; number++) {
			try {
				return attempt.apply(number);
			}
			catch (RuntimeException ex) {
				if (number >= ATTEMPTS || !clashed(log)) {
					throw ex;
				}
				logger.warn(name + " could not bind a port, retrying with other free ports");
			}
		}
	}

	/** Whether the last attempt's lines (those after the last command line) report a port in use. */
	static boolean clashed(ProcessLog log) {
		String tail = log.tail(1000);
		String attempt = tail.substring(Math.max(0, tail.lastIndexOf(ProcessLog.COMMAND_MARK)));
		// daprd writes "address already in use", redis-server and PostgreSQL "Address already in use".
		return attempt.toLowerCase(Locale.ROOT).contains("address already in use");
	}

}
