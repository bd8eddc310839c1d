package dev.daprspring.benchmarks.startup.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application {@code benchmarks/run startup} starts in a JVM of its own, on a classpath
 * with or without {@code dapr-spring-boot-starter}: a servlet application with one
 * {@link HelloController}, nothing of the project's in its code. When {@code run} returns
 * (every {@code ApplicationReadyEvent} listener has run) it prints the JVM's uptime; after
 * a second at idle and a GC, the heap in use and the resident set; then it closes the
 * context (stopping a launched daprd) and exits. The harness reads those lines.
 *
 * <p>With the system property {@code startup.steps=N} it records the startup with a
 * {@link BufferingApplicationStartup} and prints the N longest steps (a diagnosis: the
 * recording slows the startup, so those runs are not measured).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class StartupApp {

	/** Printed first on every line the harness reads. */
	public static final String PREFIX = "STARTUP-BENCH ";

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(StartupApp.class);
		int steps = Integer.getInteger("startup.steps", 0);
		BufferingApplicationStartup recording = (steps > 0) ? new BufferingApplicationStartup(100_000) : null;
		if (recording != null) {
			application.setApplicationStartup(recording);
		}
		ConfigurableApplicationContext context = application.run(args);
		long readyMillis = ManagementFactory.getRuntimeMXBean().getUptime();
		int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
		System.out.printf(Locale.ROOT, "%sready uptime_ms=%d classes=%d beans=%d%n", PREFIX, readyMillis, classes,
				context.getBeanDefinitionCount());
		Thread.sleep(1000);
		System.gc();
		System.gc();
		Thread.sleep(200);
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
		long daprdRss = ProcessHandle.current()
			.descendants()
			.filter((process) -> process.info().command().map((command) -> command.endsWith("daprd")).orElse(false))
			.mapToLong((process) -> rssKb(process.pid()).orElse(0L))
			.sum();
		System.out.printf(Locale.ROOT,
				"%smemory heap_used_kb=%d heap_committed_kb=%d nonheap_used_kb=%d rss_kb=%d daprd_rss_kb=%d%n", PREFIX,
				heap.getUsed() / 1024, heap.getCommitted() / 1024, nonHeap / 1024,
				rssKb(ProcessHandle.current().pid()).orElse(-1L), daprdRss);
		if (recording != null) {
			printSteps(recording.getBufferedTimeline(), steps);
		}
		System.out.flush();
		System.exit(SpringApplication.exit(context));
	}

	private static Optional<Long> rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// no /proc (not Linux), or the process is gone
		}
		return Optional.empty();
	}

	// The steps that took longest themselves (self: the step's time less that of the steps
	// nested in it, so a bean's own instantiation without its dependencies'), each with its
	// whole time; then the self time of the beans whose name or type has "dapr" in it.
	private static void printSteps(StartupTimeline timeline, int count) {
		List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
		Map<Long, Long> nestedNanos = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				nestedNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		ToLongFunction<StartupTimeline.TimelineEvent> self = (event) -> event.getDuration().toNanos()
				- nestedNanos.getOrDefault(event.getStartupStep().getId(), 0L);
		long daprNanos = 0;
		int daprBeans = 0;
		for (StartupTimeline.TimelineEvent event : events) {
			if (event.getStartupStep().getName().equals("spring.beans.instantiate") && tags(event).contains("dapr")) {
				daprNanos += self.applyAsLong(event);
				daprBeans++;
			}
		}
		events.stream()
			.sorted(Comparator.comparingLong(self).reversed())
			.limit(count)
			.forEach((event) -> System.out.printf(Locale.ROOT, "%sstep self_ms=%d total_ms=%d %s %s%n", PREFIX,
					TimeUnit.NANOSECONDS.toMillis(self.applyAsLong(event)), event.getDuration().toMillis(),
					event.getStartupStep().getName(), tags(event)));
		System.out.printf(Locale.ROOT, "%sstep dapr beans: %d instantiated, %d ms of self time together%n", PREFIX,
				daprBeans, TimeUnit.NANOSECONDS.toMillis(daprNanos));
	}

	private static String tags(StartupTimeline.TimelineEvent event) {
		return StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
			.map((tag) -> tag.getKey() + "=" + abbreviate(tag.getValue()))
			.collect(Collectors.joining(" "));
	}

	private static String abbreviate(String value) {
		return (value.length() > 120) ? value.substring(0, 117) + "..." : value;
	}

}
