package dev.daprspring.benchmarks.workflows;

/**
 * What one workflow instance does. Every activity is {@code step(x) = x + 1} on an
 * integer, so the output says whether every activity ran once with the right input.
 */
enum Workload {

	/** Three activities, each given the previous one's result. */
	CHAIN("chain") {
		@Override
		int expected(int input) {
			return input + CHAIN_LENGTH;
		}
	},

	/** Ten activities at once ({@code step(input + i)}), then the sum of their results. */
	FAN_OUT("fanout") {
		@Override
		int expected(int input) {
			int sum = 0;
			for (int i = 0; i < FAN_OUT_WIDTH; i++) {
				sum += input + i + 1;
			}
			return sum;
		}
	};

	static final int CHAIN_LENGTH = 3;

	static final int FAN_OUT_WIDTH = 10;

	private final String label;

	Workload(String label) {
		this.label = label;
	}

	/** The name printed in the results. */
	String label() {
		return this.label;
	}

	/** The output of an instance started with this input. */
	abstract int expected(int input);

}
