package dev.daprspring.boot.sidecar.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A started child process with its output appended to a {@link ProcessLog} and a shutdown
 * hook that terminates it if the JVM exits first. {@link #discard()} terminates it and
 * removes the hook, so no hook outlives its process.
 */
public final class ChildProcess {

	private final Process process;

	private final Thread shutdownHook;

	private ChildProcess(Process process, Duration grace, String name) {
		this.process = process;
		this.shutdownHook = new Thread(() -> terminate(process, grace), name + "-shutdown");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Runs a command in a folder, output and errors appended to the log after the command
	 * line.
	 * @param name names the shutdown hook's thread
	 * @param grace how long SIGTERM is given before SIGKILL
	 * @param environment changes to the inherited environment
	 */
	public static ChildProcess start(String name, List<String> command, Path directory,
			ProcessLog log, Duration grace, Consumer<Map<String, String>> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
			.directory(directory.toFile());
		environment.accept(builder.environment());
		log.appendCommand(command);
		return new ChildProcess(builder.start(), grace, name);
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** How it exited, for a process that is no longer alive. */
	public String describeExit() {
		return this.process.isAlive() ? "is still running" : "exited with code " + this.process.exitValue();
	}

	/** Waits for the process to exit by itself; {@code true} if it did in time. */
	public boolean waitFor(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	public ProcessHandle toHandle() {
		return this.process.toHandle();
	}

	/** Terminates the process (SIGTERM, then SIGKILL after its grace period) and removes its hook. */
	public void discard(Duration grace) {
		terminate(this.process, grace);
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down; the hook runs anyway.
		}
	}

	private static void terminate(Process process, Duration grace) {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
