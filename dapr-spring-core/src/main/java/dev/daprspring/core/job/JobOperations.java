package dev.daprspring.core.job;

import java.util.Optional;

/**
 * Jobs in Dapr's scheduler (the sidecar's alpha jobs API). A due job calls back the
 * application that scheduled it, on one of its instances: a
 * {@code @DaprJobListener("<name>")} method receives the job's data.
 */
public interface JobOperations {

	/**
	 * Schedules the job.
	 * @throws dev.daprspring.core.error.DaprApiException when the sidecar refuses it, for example
	 * a job of that name exists and {@link DaprJob#overwriting()} was not set, or the schedule does
	 * not parse
	 */
	void schedule(DaprJob job);

	/** The job of this name, with its data converted to {@code dataType}, if it exists. */
	<T> Optional<ScheduledJob<T>> get(String name, Class<T> dataType);

	/** Deletes the job of this name; deleting a job that does not exist does nothing. */
	void delete(String name);

}
