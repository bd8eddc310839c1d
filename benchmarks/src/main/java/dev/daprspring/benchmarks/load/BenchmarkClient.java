package dev.daprspring.benchmarks.load;

import org.jspecify.annotations.Nullable;

/**
 * A client under test: one unit of work, called concurrently from the runner's threads.
 */
public interface BenchmarkClient extends AutoCloseable {

	/** The name printed in the results, for example {@code template}. */
	String name();

	/**
	 * Does one unit of work, for example a save and a get.
	 * @param thread the index of the calling thread, from 0
	 * @param iteration how many units this thread has done before in this slice
	 * @throws Exception when the work failed; counted as an error
	 */
	void run(int thread, long iteration) throws Exception;

	/**
	 * The daprd this client talks to, when it is not the runner's sidecar (whose CPU time is
	 * then measured for this client instead), else {@code null}.
	 */
	default @Nullable ProcessHandle sidecar() {
		return null;
	}

	@Override
	default void close() throws Exception {
	}

}
