package dev.daprspring.benchmarks.load;

/**
 * The latencies one thread recorded in one slice, in nanoseconds, in an array made once
 * so that recording allocates nothing while the clients are measured.
 */
final class LatencySample {

	private final long[] values;

	private int size;

	LatencySample(int capacity) {
		this.values = new long[capacity];
	}

	void clear() {
		this.size = 0;
	}

	void record(long nanos) {
		// Past the capacity the slice is long enough: later values are dropped.
		if (this.size < this.values.length) {
			this.values[this.size++] = nanos;
		}
	}

	int size() {
		return this.size;
	}

	/** Copies the values into {@code target} from {@code offset}; returns the next offset. */
	int copyTo(long[] target, int offset) {
		System.arraycopy(this.values, 0, target, offset, this.size);
		return offset + this.size;
	}

}
