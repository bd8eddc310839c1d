package dev.daprspring.boot.autoconfigure.workflows.durable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import dev.daprspring.workflows.ActivityContext;
import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprActivity;
import dev.daprspring.workflows.annotation.DaprWorkflow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An application run as a child process and killed: its activities write their side
 * effects to a journal file (one line per execution), which outlives the process.
 */
@SpringBootApplication
public class DurableApplication {

	public static void main(String[] args) {
		SpringApplication.run(DurableApplication.class, args);
	}

	/** The workflow's input: a label and how long its durable timer waits. */
	public record Trip(String label, Duration sleep) {
	}

	@Component
	static class Journal {

		private final Path file;

		Journal(@Value("${durable.journal}") Path file) {
			this.file = file;
		}

		synchronized void write(String line) {
			try {
				Files.writeString(this.file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
						StandardOpenOption.SYNC);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@EventListener(ApplicationReadyEvent.class)
		void ready() {
			write("ready " + ProcessHandle.current().pid());
		}

	}

	@Component
	static class TripActivities {

		private final Journal journal;

		TripActivities(Journal journal) {
			this.journal = journal;
		}

		@DaprActivity
		String book(ActivityContext context, Trip trip) {
			this.journal.write("book " + context.instanceId());
			return "booked " + trip.label();
		}

		@DaprActivity
		String confirm(ActivityContext context, String booking) {
			this.journal.write("confirm " + context.instanceId());
			return booking + ", confirmed";
		}

	}

	/** Books, sleeps on a durable timer, waits for a go-ahead, confirms. */
	@DaprWorkflow
	static class TripWorkflow implements Workflow<Trip, String> {

		@Override
		public String run(WorkflowContext context, Trip trip) {
			String booking = context.callActivity("book", trip, String.class).await();
			context.setCustomStatus("sleeping");
			context.createTimer(trip.sleep()).await();
			context.setCustomStatus("waiting for go");
			String go = context.waitForExternalEvent("go", String.class).await();
			return context.callActivity("confirm", booking, String.class).await() + " by " + go;
		}

	}

}
