package dev.daprspring.benchmarks.load;

/**
 * Resources used during one slice; each -1 when it could not be measured.
 *
 * @param allocatedBytes bytes allocated by all threads of this JVM
 * @param jvmCpuNanos CPU time of this JVM
 * @param sidecarCpuNanos CPU time of the sidecar process
 */
public record Usage(long allocatedBytes, long jvmCpuNanos, long sidecarCpuNanos) {

	/** The sum of two usages; unknown if either is. */
	Usage plus(Usage other) {
		return new Usage(sum(this.allocatedBytes, other.allocatedBytes), sum(this.jvmCpuNanos, other.jvmCpuNanos),
				sum(this.sidecarCpuNanos, other.sidecarCpuNanos));
	}

	private static long sum(long a, long b) {
		return (a < 0 || b < 0) ? -1 : a + b;
	}

}
