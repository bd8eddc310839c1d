package dev.daprspring.benchmarks.load;

import java.lang.management.ManagementFactory;

import com.sun.management.ThreadMXBean;
import org.jspecify.annotations.Nullable;

/**
 * Bytes allocated so far by all threads of the JVM, live and ended, as HotSpot counts them.
 */
final class AllocationCounter {

	private final @Nullable ThreadMXBean threads;

	AllocationCounter() {
		ThreadMXBean bean = (ManagementFactory.getThreadMXBean() instanceof ThreadMXBean hotspot) ? hotspot : null;
		if (bean != null && bean.isThreadAllocatedMemorySupported()) {
			bean.setThreadAllocatedMemoryEnabled(true);
			this.threads = bean;
		}
		else {
			this.threads = null;
		}
	}

	/** The total so far, or -1 when the JVM does not count allocations. */
	long allocatedBytes() {
		return (this.threads != null) ? this.threads.getTotalThreadAllocatedBytes() : -1;
	}

}
