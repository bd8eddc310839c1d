package dev.daprspring.benchmarks.data;

import dev.daprspring.benchmarks.load.BenchmarkClient;

/**
 * One operation (a {@code findById} or a {@code save}) through one API, as a benchmark client.
 */
final class OperationClient implements BenchmarkClient {

	/** The operation on the entity of a thread's iteration. */
	@FunctionalInterface
	interface Operation {

		void run(int thread, long iteration) throws Exception;

	}

	private final String name;

	private final Operation operation;

	OperationClient(String name, Operation operation) {
		this.name = name;
		this.operation = operation;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void run(int thread, long iteration) throws Exception {
		this.operation.run(thread, iteration);
	}

}
