package dev.daprspring.boot.sidecar.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Retrying a start only for a port clash the attempt itself logged.
 */
class PortClashRetryTests {

	@TempDir
	Path folder;

	@Test
	void aClashInTheLastAttemptIsRetriedWithTheNextNumber() {
		ProcessLog log = new ProcessLog(this.folder.resolve("clash.log"));
		List<Integer> attempts = new ArrayList<>();
		String started = PortClashRetry.run("test", log, (number) -> {
			attempts.add(number);
			attempt(log, (number == 1) ? "listen tcp 127.0.0.1:3500: bind: address already in use" : "ready");
			if (number == 1) {
				throw new IllegalStateException("exited");
			}
			return "started";
		});
		assertThat(started).isEqualTo("started");
		assertThat(attempts).containsExactly(1, 2);
	}

	@Test
	void anotherFailureIsNotRetried() {
		ProcessLog log = new ProcessLog(this.folder.resolve("other.log"));
		List<Integer> attempts = new ArrayList<>();
		assertThatIllegalStateException().isThrownBy(() -> PortClashRetry.run("test", log, (number) -> {
			attempts.add(number);
			attempt(log, "no such flag");
			throw new IllegalStateException("exited");
		})).withMessage("exited");
		assertThat(attempts).containsExactly(1);
	}

	@Test
	void anEarlierAttemptsClashDoesNotCount() {
		ProcessLog log = new ProcessLog(this.folder.resolve("earlier.log"));
		attempt(log, "Address already in use");
		attempt(log, "no such flag");
		assertThat(PortClashRetry.clashed(log)).isFalse();
		attempt(log, "Could not create server TCP listening socket *:6379: bind: Address already in use");
		assertThat(PortClashRetry.clashed(log)).isTrue();
	}

	@Test
	void clashesAreRetriedAtMostThreeTimesInAll() {
		ProcessLog log = new ProcessLog(this.folder.resolve("always.log"));
		List<Integer> attempts = new ArrayList<>();
		assertThatIllegalStateException().isThrownBy(() -> PortClashRetry.run("test", log, (number) -> {
			attempts.add(number);
			attempt(log, "address already in use");
			throw new IllegalStateException("clash " + number);
		})).withMessage("clash 3");
		assertThat(attempts).containsExactly(1, 2, 3);
	}

	private static void attempt(ProcessLog log, String output) {
		try {
			log.appendCommand(List.of("server", "--port", "0"));
			Files.writeString(log.file(), output + System.lineSeparator(), StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
