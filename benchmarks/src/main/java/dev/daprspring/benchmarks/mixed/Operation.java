package dev.daprspring.benchmarks.mixed;

/** The four kinds of call in the mix, with their share of every 10 calls. */
enum Operation {

	STATE_GET(4), STATE_SAVE(3), PUBLISH(2), INVOKE(1);

	private final int share;

	Operation(int share) {
		this.share = share;
	}

	/** The operation of the {@code n}th call: 4 gets, 3 saves, 2 publishes, 1 invocation in 10. */
	static Operation of(long n) {
		long slot = n % 10;
		for (Operation operation : values()) {
			if (slot < operation.share) {
				return operation;
			}
			slot -= operation.share;
		}
		throw new IllegalStateException("shares do not add up to 10");
	}

}
