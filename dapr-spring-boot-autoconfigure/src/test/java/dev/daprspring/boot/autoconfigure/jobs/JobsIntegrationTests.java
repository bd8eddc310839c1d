package dev.daprspring.boot.autoconfigure.jobs;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.jobs.app.JobsApplication;
import dev.daprspring.boot.autoconfigure.jobs.app.ReportJobs;
import dev.daprspring.boot.autoconfigure.jobs.app.ReportJobs.Report;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.error.DaprException;
import dev.daprspring.core.job.DaprJob;
import dev.daprspring.core.job.DaprJobOperations;
import dev.daprspring.core.job.JobFailurePolicy;
import dev.daprspring.core.job.ScheduledJob;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Jobs scheduled through {@code DaprOperations.jobs()} on a launched daprd with the
 * scheduler the launcher starts because the application has {@code @DaprJobListener}
 * methods, handled over the HTTP app channel.
 */
@SpringBootTest(classes = JobsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dapr.sidecar.launch=always")
class JobsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	DaprOperations dapr;

	@Autowired
	ReportJobs jobs;

	@Autowired
	ApplicationContext context;

	@Test
	void theSchedulerIsLaunchedBecauseTheApplicationHandlesJobs() {
		assertThat(this.context.getBean(DaprScheduler.class).isRunning()).isTrue();
	}

	@Test
	void aJobWithADueTimeHandsItsTypedDataToItsListenerOnceAndIsThenGone() {
		this.dapr.jobs().schedule(DaprJob.named("report").dueIn(Duration.ofSeconds(1)).withData(new Report("emea", 3)));
		ScheduledJob<Report> scheduled = this.dapr.jobs().get("report", Report.class).orElseThrow();
		assertThat(scheduled.data()).isEqualTo(new Report("emea", 3));
		assertThat(scheduled.dueTime()).isNotNull();
		await().atMost(PATIENCE).until(() -> this.jobs.received().contains("report:emea:3"));
		await().atMost(PATIENCE).until(() -> this.dapr.jobs().get("report", Report.class).isEmpty());
	}

	@Test
	void aRecurringJobRunsItsRepeatsAndADeletedOneStops() {
		this.dapr.jobs().schedule(DaprJob.named("tick").every(Duration.ofMillis(500)).repeats(3).withData("a"));
		await().atMost(PATIENCE).until(() -> count("tick:a") == 3);
		this.dapr.jobs().schedule(DaprJob.named("tick").every(Duration.ofMillis(500)).withData("b").overwriting());
		await().atMost(PATIENCE).until(() -> count("tick:b") >= 1);
		this.dapr.jobs().delete("tick");
		long afterDelete = count("tick:b");
		// A tick already on its way when the job goes may still land: allow one.
		await().pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> count("tick:b") <= afterDelete + 1);
		assertThat(count("tick:a")).isEqualTo(3);
	}

	@Test
	void aFailingHandlerIsCalledAgainUnderAConstantFailurePolicy() {
		this.dapr.jobs()
			.schedule(DaprJob.named("flaky")
				.dueIn(Duration.ZERO)
				.onFailure(JobFailurePolicy.constant(Duration.ofMillis(200), 5)));
		await().atMost(PATIENCE).until(() -> this.jobs.received().contains("flaky:done"));
		assertThat(this.jobs.flakyCalls()).isEqualTo(3);
	}

	@Test
	void schedulingAnExistingJobWithoutOverwriteIsRefusedByTheSidecar() {
		DaprJob later = DaprJob.named("report-later").dueIn(Duration.ofHours(1));
		this.dapr.jobs().schedule(later);
		try {
			assertThatException().isThrownBy(() -> this.dapr.jobs().schedule(later))
				.isInstanceOf(DaprException.class)
				.withMessageContaining("report-later");
			this.dapr.jobs().schedule(later.overwriting().withData(new Report("apac", 1)));
			assertThat(this.dapr.jobs().get("report-later", Report.class).orElseThrow().data())
				.isEqualTo(new Report("apac", 1));
		}
		finally {
			this.dapr.jobs().delete("report-later");
		}
	}

	@Test
	void aScheduleThatDoesNotParseIsRefusedWithTheSidecarsReason() {
		assertThatException()
			.isThrownBy(() -> this.dapr.jobs().schedule(DaprJob.named("broken").cron("every tuesday")))
			.isInstanceOf(DaprException.class)
			.withMessageContaining("every tuesday");
		assertThat(this.dapr.jobs().get("broken", String.class)).isEmpty();
	}

	@Test
	void aJobWithoutScheduleOrDueTimeIsRefusedBeforeItIsSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.dapr.jobs().schedule(DaprJob.named("nothing")))
			.withMessage("Job 'nothing' has neither a schedule nor a due time: give it cron(...)/every(...) or "
					+ "dueIn(...)/dueAt(...)");
	}

	@Test
	void anUnknownJobIsEmptyAndDeletingItDoesNothing() {
		assertThat(this.dapr.jobs().get("never-scheduled", String.class)).isEmpty();
		this.dapr.jobs().delete("never-scheduled");
	}

	@Test
	void theStableJobsMethodsAreCalledWhereTheSidecarHasThem() {
		assertThat(this.dapr.jobs().get("never-scheduled-either", String.class)).isEmpty();
		// daprd 1.18 has ScheduleJob, GetJob and DeleteJob; 1.17 only their Alpha1 forms.
		boolean stableExpected = !System.getProperty("daprd.version", "1.18.2").startsWith("1.17.");
		assertThat(this.dapr.jobs()).isInstanceOfSatisfying(DaprJobOperations.class,
				(jobs) -> assertThat(jobs.usesStableApi()).isEqualTo(stableExpected));
	}

	private long count(String entry) {
		return this.jobs.received().stream().filter(entry::equals).count();
	}

}
