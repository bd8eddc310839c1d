package dev.daprspring.benchmarks.workflows;

import java.time.Duration;

/**
 * One way of running and scheduling workflows: a worker that runs them for the sidecar and
 * a client that schedules an instance and waits for its output. Only one client's worker
 * runs at a time: the sidecar hands work items to whichever worker is connected.
 */
interface WorkflowClient extends AutoCloseable {

	/** How long a unit of work waits for its instance to complete. */
	Duration COMPLETION_TIMEOUT = Duration.ofSeconds(60);

	/** The name printed in the results. */
	String name();

	/** Opens the worker's work-item stream. */
	void startWorker();

	/** Closes the worker's stream once its running work items are done. */
	void stopWorker();

	/**
	 * Schedules one instance of the workload and waits until it completes.
	 * @return the instance's output
	 * @throws IllegalStateException if it did not complete
	 */
	int run(Workload workload, int input) throws Exception;

	@Override
	default void close() throws Exception {
		stopWorker();
	}

}
