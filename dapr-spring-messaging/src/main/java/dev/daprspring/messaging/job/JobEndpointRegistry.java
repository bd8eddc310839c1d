package dev.daprspring.messaging.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The {@link JobEndpoint}s of the application, one per job name.
 */
public class JobEndpointRegistry {

	private final Map<String, JobEndpoint> endpoints = new ConcurrentHashMap<>();

	/** Adds an endpoint; a job has at most one handler. */
	public void register(JobEndpoint endpoint) {
		JobEndpoint existing = this.endpoints.putIfAbsent(endpoint.name(), endpoint);
		Assert.state(existing == null, () -> "Job '" + endpoint.name() + "' has two @DaprJobListener methods, "
				+ existing.describe() + " and " + endpoint.describe() + "; keep one");
	}

	/** The endpoint of a job, or {@code null}. */
	public @Nullable JobEndpoint endpoint(String name) {
		return this.endpoints.get(name);
	}

}
