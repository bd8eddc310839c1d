package dev.daprspring.boot.sidecar.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child process's log, exit and shutdown hook, with {@code sh} standing in for daprd.
 */
class ChildProcessTests {

	@TempDir
	Path folder;

	@Test
	void outputIsAppendedToTheLogAfterTheCommandLine() throws Exception {
		ProcessLog log = new ProcessLog(this.folder.resolve("out.log"));
		ChildProcess process = ChildProcess.start("echo", List.of("sh", "-c", "echo hello; exit 3"), this.folder, log,
				Duration.ofSeconds(5), (environment) -> {
				});
		try {
			assertThat(process.waitFor(Duration.ofSeconds(30))).isTrue();
			assertThat(process.isAlive()).isFalse();
			assertThat(process.exitValue()).isEqualTo(3);
			assertThat(process.describeExit()).isEqualTo("exited with code 3");
			assertThat(log.tail(2)).isEqualTo(ProcessLog.COMMAND_MARK + "sh -c echo hello; exit 3\nhello");
		}
		finally {
			process.discard(Duration.ofSeconds(5));
		}
	}

	@Test
	void theEnvironmentIsChangedAsAsked() throws Exception {
		ProcessLog log = new ProcessLog(this.folder.resolve("env.log"));
		ChildProcess process = ChildProcess.start("env", List.of("sh", "-c", "echo \"[$GREETING]\""), this.folder,
				log, Duration.ofSeconds(5), (environment) -> environment.put("GREETING", "hi"));
		process.waitFor(Duration.ofSeconds(30));
		process.discard(Duration.ofSeconds(5));
		assertThat(log.tail(1)).isEqualTo("[hi]");
	}

	@Test
	void discardStopsARunningProcessAndRemovesItsShutdownHook() throws Exception {
		ChildProcess process = ChildProcess.start("sleeper", List.of("sleep", "600"), this.folder,
				new ProcessLog(this.folder.resolve("sleep.log")), Duration.ofSeconds(5), (environment) -> {
				});
		assertThat(process.isAlive()).isTrue();
		process.discard(Duration.ofSeconds(5));
		assertThat(process.isAlive()).isFalse();
		// Removing it again fails: discard removed it already.
		assertThat(Runtime.getRuntime().removeShutdownHook(process.shutdownHook())).isFalse();
	}

	@Test
	void aProcessThatIgnoresThePoliteStopIsKilledAfterItsGrace() throws Exception {
		Path ready = this.folder.resolve("ready");
		ChildProcess process = ChildProcess.start("stubborn",
				List.of("sh", "-c", "trap '' TERM; touch " + ready + "; sleep 600 & wait"), this.folder,
				new ProcessLog(this.folder.resolve("stubborn.log")), Duration.ofMillis(200), (environment) -> {
				});
		while (!Files.exists(ready)) {
			Thread.sleep(20);
		}
		process.discard(Duration.ofMillis(200));
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void aPoliteStopOtherThanSigtermIsUsedFirst() throws Exception {
		ChildProcess process = ChildProcess.start("sleeper", List.of("sleep", "600"), this.folder,
				new ProcessLog(this.folder.resolve("polite.log")), Duration.ofSeconds(5), (environment) -> {
				});
		List<Process> stopped = new ArrayList<>();
		process.stoppedBy((running) -> {
			stopped.add(running);
			running.destroy();
		});
		process.discard(Duration.ofSeconds(5));
		assertThat(stopped).hasSize(1);
		assertThat(process.isAlive()).isFalse();
	}

}
