package dev.daprspring.boot.sidecar.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file a child process's output is appended to, across restarts. Each start writes
 * its command line first, after {@value #COMMAND_MARK}, so one attempt's lines can be told
 * from the last.
 */
public final class ProcessLog {

	/** What a command line written to the log starts with. */
	public static final String COMMAND_MARK = "--- ";

	private final Path file;

	public ProcessLog(Path file) {
		this.file = file;
	}

	public Path file() {
		return this.file;
	}

	/** Appends the command line about to run. */
	public void appendCommand(List<String> command) throws IOException {
		Files.writeString(this.file, COMMAND_MARK + String.join(" ", command) + System.lineSeparator(),
				StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/** The last lines of the log, or a note saying why there are none. */
	public String tail(int lines) {
		if (!Files.exists(this.file)) {
			return "(no log)";
		}
		// ISO-8859-1 reads any bytes: a process may write anything.
		try (Stream<String> all = Files.lines(this.file, StandardCharsets.ISO_8859_1)) {
			List<String> kept = all.toList();
			return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(could not read " + this.file + ": " + ex.getMessage() + ")";
		}
	}

	/** {@code Last lines of <file>:} and the tail, for an error message. */
	public String excerpt(int lines) {
		return "Last lines of " + this.file + ":\n" + tail(lines);
	}

}
