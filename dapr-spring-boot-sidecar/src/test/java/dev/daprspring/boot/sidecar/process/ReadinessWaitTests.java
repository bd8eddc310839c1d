package dev.daprspring.boot.sidecar.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.boot.sidecar.process.ReadinessWait.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one wait behind every "started when it answers".
 */
class ReadinessWaitTests {

	@TempDir
	Path folder;

	private ChildProcess process;

	@AfterEach
	void discard() {
		if (this.process != null) {
			this.process.discard(Duration.ofSeconds(5));
		}
	}

	@Test
	void readyOnceTheCheckPasses() throws Exception {
		start("sleep", "600");
		AtomicInteger asked = new AtomicInteger();
		assertThat(ReadinessWait.await(this.process, () -> asked.incrementAndGet() == 3, deadline(60)))
			.isEqualTo(Outcome.READY);
		assertThat(asked).hasValue(3);
	}

	@Test
	void exitedWhenTheProcessEndsBeforeTheCheckPasses() throws Exception {
		start("true");
		assertThat(ReadinessWait.await(this.process, () -> false, deadline(60))).isEqualTo(Outcome.EXITED);
	}

	@Test
	void timedOutWhenTheDeadlinePasses() throws Exception {
		start("sleep", "600");
		assertThat(ReadinessWait.await(this.process, () -> false, deadline(0))).isEqualTo(Outcome.TIMED_OUT);
	}

	@Test
	void anInterruptEndsTheWait() throws Exception {
		start("sleep", "600");
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(InterruptedException.class)
				.isThrownBy(() -> ReadinessWait.await(this.process, () -> false, deadline(60)));
		}
		finally {
			Thread.interrupted();
		}
	}

	private void start(String... command) throws Exception {
		this.process = ChildProcess.start("test", List.of(command), this.folder,
				new ProcessLog(this.folder.resolve("test.log")), Duration.ofSeconds(5), (environment) -> {
				});
	}

	private static long deadline(int seconds) {
		return System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
	}

}
