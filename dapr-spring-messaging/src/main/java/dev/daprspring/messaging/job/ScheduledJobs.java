package dev.daprspring.messaging.job;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.core.job.DaprJob;
import dev.daprspring.core.job.JobOperations;
import dev.daprspring.core.job.ScheduledJob;
import dev.daprspring.messaging.support.ListenerMethodsPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Registers {@link DaprScheduled @DaprScheduled} methods as job handlers and, when the
 * application starts, declares their jobs in the scheduler: each instance creates the job
 * unless one of that name with the same schedule exists, so instances started one after the
 * other do not reset its ticks. A schedule the scheduler refuses fails the startup.
 */
public class ScheduledJobs extends ListenerMethodsPostProcessor<DaprScheduled> implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ScheduledJobs.class);

	private final Supplier<JobEndpointRegistry> registry;

	private final Supplier<JobOperations> jobs;

	private final Map<String, DaprJob> declared = new ConcurrentHashMap<>();

	private volatile boolean running;

	/**
	 * @param registry where the methods are registered as job handlers
	 * @param jobs the scheduler's jobs, looked up when the application starts
	 */
	public ScheduledJobs(Supplier<JobEndpointRegistry> registry, Supplier<JobOperations> jobs) {
		super(DaprScheduled.class);
		this.registry = registry;
		this.jobs = jobs;
	}

	@Override
	protected void register(Object bean, Method method, DaprScheduled scheduled) {
		String described = ClassUtils.getShortName(method.getDeclaringClass()) + "." + method.getName();
		String name = StringUtils.hasText(scheduled.name()) ? resolve(scheduled.name()) : described;
		String cron = resolve(scheduled.cron());
		String every = resolve(scheduled.every());
		if (StringUtils.hasText(cron) == StringUtils.hasText(every)) {
			throw new IllegalStateException("@DaprScheduled on " + described + " needs exactly one of cron (for "
					+ "example \"0 0 2 * * *\") and every (for example \"30s\"); got cron=\"" + cron + "\", every=\""
					+ every + "\"");
		}
		DaprJob job = DaprJob.named(name);
		// A period goes to the scheduler as written ("30s", "1h30m"): it parses Go durations and refuses others.
		job = job.cron(StringUtils.hasText(cron) ? cron : "@every " + every);
		if (scheduled.repeats() > 0) {
			job = job.repeats(scheduled.repeats());
		}
		this.registry.get().register(new JobEndpoint(name, bean, method));
		this.declared.put(name, job);
	}

	@Override
	public void start() {
		JobOperations operations = this.jobs.get();
		for (DaprJob job : this.declared.values()) {
			Optional<ScheduledJob<byte[]>> existing = operations.get(job.name(), byte[].class);
			if (existing.isPresent() && Objects.equals(existing.get().schedule(), job.schedule())
					&& Objects.equals(existing.get().repeats(), job.repeats())) {
				logger.debug("Job " + job.name() + " is already scheduled (" + job.schedule() + ")");
				continue;
			}
			try {
				operations.schedule(job.overwriting());
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("The scheduler refused job " + job.name() + " (schedule \""
						+ job.schedule() + "\") declared by @DaprScheduled: " + ex.getMessage(), ex);
			}
			logger.info("Scheduled job " + job.name() + " (" + job.schedule() + ")");
		}
		this.running = true;
	}

	@Override
	public void stop() {
		// The jobs stay: other instances, and this one after a restart, keep serving them.
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// After the web server starts, so the first tick finds the handler's endpoint.
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
