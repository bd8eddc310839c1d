package dev.daprspring.boot.sidecar.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.daprspring.boot.sidecar.process.ChildProcess;
import dev.daprspring.boot.sidecar.process.ProcessLog;
import dev.daprspring.boot.sidecar.process.ReadinessCheck;
import dev.daprspring.boot.sidecar.process.ReadinessWait;

/**
 * What the throwaway test servers share on top of the sidecar's process classes: their
 * temporary folder, and failures worded as {@link IllegalStateException}s with the log's
 * last lines.
 */
final class TestServers {

	private static final int LOG_LINES_IN_ERRORS = 20;

	private TestServers() {
	}

	static Path createDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary folder for " + prefix, ex);
		}
	}

	static ChildProcess start(String name, List<String> command, Path directory, ProcessLog log, Duration grace,
			Consumer<Map<String, String>> environment) {
		try {
			return ChildProcess.start(name, command, directory, log, grace, environment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
	}

	/** Waits for the server to pass the check; otherwise discards it and fails, naming it. */
	static void awaitReady(ChildProcess process, ReadinessCheck check, Duration timeout, ProcessLog log, String what,
			Duration grace) {
		String failure;
		try {
			ReadinessWait.Outcome outcome = ReadinessWait.await(process, check, System.nanoTime() + timeout.toNanos());
			if (outcome == ReadinessWait.Outcome.READY) {
				return;
			}
			failure = (outcome == ReadinessWait.Outcome.EXITED) ? process.describeExit() + " during startup"
					: "was not ready within " + timeout.toSeconds() + "s";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure = "startup was interrupted";
		}
		process.discard(grace);
		throw new IllegalStateException(what + " " + failure + ". " + log.excerpt(LOG_LINES_IN_ERRORS));
	}

	/** Runs a command to its end, failing unless it exits with 0 in time. */
	static void run(String what, List<String> command, Path directory, ProcessLog log, Duration timeout,
			Consumer<Map<String, String>> environment) {
		ChildProcess process = start(what, command, directory, log, Duration.ofSeconds(5), environment);
		try {
			if (!process.waitFor(timeout)) {
				throw new IllegalStateException(command + " did not finish within " + timeout.toSeconds() + "s. "
						+ log.excerpt(LOG_LINES_IN_ERRORS));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(what + " " + process.describeExit() + ". "
						+ log.excerpt(LOG_LINES_IN_ERRORS));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
		finally {
			process.discard(Duration.ofSeconds(5));
		}
	}

}
