package dev.daprspring.benchmarks.load;

import org.jspecify.annotations.Nullable;

/**
 * Finds the daprd this JVM started, whose CPU time {@link LoadRunner} measures per slice.
 */
public final class SidecarProcess {

	private SidecarProcess() {
	}

	/** The first child process whose command ends with {@code daprd}, or {@code null}. */
	public static @Nullable ProcessHandle childDaprd() {
		return ProcessHandle.current()
			.children()
			.filter((child) -> child.info().command().map((command) -> command.endsWith("daprd")).orElse(false))
			.findFirst()
			.orElse(null);
	}

}
