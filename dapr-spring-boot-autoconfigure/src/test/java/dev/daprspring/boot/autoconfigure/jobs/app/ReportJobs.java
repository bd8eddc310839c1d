package dev.daprspring.boot.autoconfigure.jobs.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.daprspring.messaging.job.DaprJobListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Job handlers that record what they received. */
@Component
public class ReportJobs {

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger flakyCalls = new AtomicInteger();

	@DaprJobListener("report")
	public void report(Report report, @Header("dapr_job") String job) {
		this.received.add(job + ":" + report.region() + ":" + report.copies());
	}

	@DaprJobListener("tick")
	public void tick(String label) {
		this.received.add("tick:" + label);
	}

	/** Fails its first two calls. */
	@DaprJobListener("flaky")
	public void flaky() {
		if (this.flakyCalls.incrementAndGet() <= 2) {
			throw new IllegalStateException("not yet (call " + this.flakyCalls.get() + ")");
		}
		this.received.add("flaky:done");
	}

	public List<String> received() {
		return List.copyOf(this.received);
	}

	public int flakyCalls() {
		return this.flakyCalls.get();
	}

	/**
	 * A job's data.
	 *
	 * @param region what to report on
	 * @param copies how many copies
	 */
	public record Report(String region, int copies) {
	}

}
