package dev.daprspring.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.OperatingSystemMXBean;
import org.jspecify.annotations.Nullable;

/**
 * CPU time used so far by this JVM and by the sidecar process: unlike throughput, the CPU
 * one round trip costs hardly moves when other programs compete for the cores.
 */
final class CpuMeter {

	private final @Nullable OperatingSystemMXBean jvm;

	private final @Nullable ProcessHandle sidecar;

	CpuMeter(@Nullable ProcessHandle sidecar) {
		this.jvm = (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean hotspot) ? hotspot
				: null;
		this.sidecar = sidecar;
	}

	/** Nanoseconds of CPU this JVM used so far, or -1 when unknown. */
	long jvmNanos() {
		return (this.jvm != null) ? this.jvm.getProcessCpuTime() : -1;
	}

	/** Nanoseconds of CPU the sidecar used so far (in clock ticks, 10 ms on Linux), or -1. */
	long sidecarNanos() {
		return sidecarNanos(this.sidecar);
	}

	/** Nanoseconds of CPU the given sidecar used so far, or -1. */
	static long sidecarNanos(@Nullable ProcessHandle sidecar) {
		return (sidecar != null) ? sidecar.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L) : -1;
	}

}
