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
 * hook that terminates it if the JVM exits first. {@link #discard(Duration)} terminates it
 * and removes the hook, so no hook outlives its process.
 */
public final class ChildProcess {

	private static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(5);

	private final Process process;

	private final Thread shutdownHook;

	// How a stop starts; SIGTERM unless the program wants another signal.
	private volatile Consumer<Process> politeStop = Process::destroy;

	private ChildProcess(Process process, Duration grace, String name) {
		this.process = process;
		this.shutdownHook = new Thread(() -> terminate(grace), name + "-shutdown");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Runs a command in a folder, output and errors appended to the log after the command
	 * line.
	 * @param name names the shutdown hook's thread
	 * @param grace how long the polite stop is given before SIGKILL
	 * @param environment changes to the inherited environment
	 */
	public static ChildProcess start(String name, List<String> command, Path directory, ProcessLog log,
			Duration grace, Consumer<Map<String, String>> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
			.directory(directory.toFile());
		environment.accept(builder.environment());
		log.appendCommand(command);
		return new ChildProcess(builder.start(), grace, name);
	}

	/**
	 * Stops the process with something other than SIGTERM first, for a program whose
	 * SIGTERM waits for its clients (PostgreSQL's SIGINT is its fast shutdown).
	 */
	public ChildProcess stoppedBy(Consumer<Process> politeStop) {
		this.politeStop = politeStop;
		return this;
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

	/** The exit code of a process that has exited. */
	public int exitValue() {
		return this.process.exitValue();
	}

	public ProcessHandle toHandle() {
		return this.process.toHandle();
	}

	// Package-private for the test that discard leaves no hook behind.
	Thread shutdownHook() {
		return this.shutdownHook;
	}

	/** Terminates the process (polite stop, then SIGKILL after its grace period) and removes its hook. */
	public void discard(Duration grace) {
		terminate(grace);
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down; the hook runs anyway.
		}
	}

	private void terminate(Duration grace) {
		if (!this.process.isAlive()) {
			return;
		}
		this.politeStop.accept(this.process);
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				forceStop();
				this.process.waitFor(FORCED_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			forceStop();
		}
	}

	private void forceStop() {
		// Children of a killed process may live on (PostgreSQL's backends): kill them too.
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
	}

}
