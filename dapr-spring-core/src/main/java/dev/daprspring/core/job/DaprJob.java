package dev.daprspring.core.job;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.convert.GoDurations;
import org.springframework.util.Assert;

/**
 * A job to schedule: its name, when it runs (a schedule, a due time, or both), how often,
 * for how long, the data handed to its handler, and what happens when the handler fails.
 * Immutable; each {@code with} method returns a copy.
 *
 * <pre class="code">
 * dapr.jobs().schedule(DaprJob.named("nightly-report").cron("0 0 2 * * *").withData(new Report("sales")));
 * dapr.jobs().schedule(DaprJob.named("reminder-42").dueIn(Duration.ofMinutes(10)));
 * </pre>
 *
 * @param name the job's name, unique per application
 * @param schedule a cron expression with seconds ({@code "0 *&#47;5 * * * *"}) or a period
 * ({@code "@every 30s"}, {@code "@daily"}); {@code null} for a job that runs at its due time
 * @param dueTime when it first runs: a Go duration from now ({@code "10s"}) or an RFC 3339 time
 * @param repeats how many times it runs at most; {@code null} for no limit
 * @param ttl when it expires: a Go duration from now or an RFC 3339 time
 * @param data what its handler receives, as JSON; {@code null} for nothing
 * @param overwrite whether scheduling replaces a job of the same name
 * @param failurePolicy what happens when the handler fails; {@code null} for the scheduler's
 * default (retries, see the README)
 */
public record DaprJob(String name, @Nullable String schedule, @Nullable String dueTime, @Nullable Integer repeats,
		@Nullable String ttl, @Nullable Object data, boolean overwrite, @Nullable JobFailurePolicy failurePolicy) {

	public DaprJob {
		Assert.hasText(name, "Job name must not be empty");
		Assert.isTrue(repeats == null || repeats > 0, () -> "Job '" + name + "' repeats " + repeats
				+ " times; give a positive number, or none for no limit");
	}

	/** A job of this name; give it a schedule or a due time before scheduling it. */
	public static DaprJob named(String name) {
		return new DaprJob(name, null, null, null, null, null, false, null);
	}

	/** Runs on this cron expression (six fields, the first is seconds) or period ({@code @every 1m}). */
	public DaprJob cron(String schedule) {
		Assert.hasText(schedule, () -> "Schedule of job '" + this.name + "' must not be empty");
		return new DaprJob(this.name, schedule, this.dueTime, this.repeats, this.ttl, this.data, this.overwrite,
				this.failurePolicy);
	}

	/** Runs every {@code period}. */
	public DaprJob every(Duration period) {
		Assert.isTrue(!period.isNegative() && !period.isZero(), () -> "Period of job '" + this.name
				+ "' must be positive, got " + period);
		return cron("@every " + GoDurations.format(period));
	}

	/** Runs first after this delay (then on its schedule, if it has one). */
	public DaprJob dueIn(Duration delay) {
		Assert.isTrue(!delay.isNegative(), () -> "Due time of job '" + this.name + "' must not be in the past");
		return new DaprJob(this.name, this.schedule, GoDurations.format(delay), this.repeats, this.ttl, this.data,
				this.overwrite, this.failurePolicy);
	}

	/** Runs first at this instant (then on its schedule, if it has one). */
	public DaprJob dueAt(Instant instant) {
		return new DaprJob(this.name, this.schedule, instant.toString(), this.repeats, this.ttl, this.data,
				this.overwrite, this.failurePolicy);
	}

	/** Runs at most this many times. */
	public DaprJob repeats(int times) {
		return new DaprJob(this.name, this.schedule, this.dueTime, times, this.ttl, this.data, this.overwrite,
				this.failurePolicy);
	}

	/** Expires after this long, whatever is left of its schedule. */
	public DaprJob ttl(Duration ttl) {
		return new DaprJob(this.name, this.schedule, this.dueTime, this.repeats, GoDurations.format(ttl), this.data,
				this.overwrite, this.failurePolicy);
	}

	/** Hands this value, as JSON, to the job's handler each time. */
	public DaprJob withData(@Nullable Object data) {
		return new DaprJob(this.name, this.schedule, this.dueTime, this.repeats, this.ttl, data, this.overwrite,
				this.failurePolicy);
	}

	/** Replaces a job of the same name instead of failing. */
	public DaprJob overwriting() {
		return new DaprJob(this.name, this.schedule, this.dueTime, this.repeats, this.ttl, this.data, true,
				this.failurePolicy);
	}

	/** What the scheduler does when the handler fails. */
	public DaprJob onFailure(JobFailurePolicy policy) {
		return new DaprJob(this.name, this.schedule, this.dueTime, this.repeats, this.ttl, this.data, this.overwrite,
				policy);
	}

}
