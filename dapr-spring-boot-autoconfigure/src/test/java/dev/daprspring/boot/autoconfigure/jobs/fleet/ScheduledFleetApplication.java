package dev.daprspring.boot.autoconfigure.jobs.fleet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.daprspring.messaging.job.DaprScheduled;

/**
 * An application whose instances share one {@code @DaprScheduled} job; every run is recorded
 * in one list for the whole JVM, with the instance it ran on.
 */
@SpringBootApplication
public class ScheduledFleetApplication {

	/** Every run of the scheduled method, as the name of the instance it ran on. */
	public static final List<String> runs = new CopyOnWriteArrayList<>();

	@Component
	static class Report {

		private final String instance;

		Report(@Value("${fleet.instance}") String instance) {
			this.instance = instance;
		}

		@DaprScheduled(name = "fleet-report", every = "${fleet.every:5s}", repeats = 4)
		void run() {
			runs.add(this.instance);
		}

	}

}
