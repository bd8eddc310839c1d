package dev.daprspring.boot.autoconfigure.workflows;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the workflows this application runs.
 */
@ConfigurationProperties("dapr.workflows")
public class DaprWorkflowsProperties {

	/** Whether to run the application's workflows and offer the workflow template. */
	private boolean enabled = true;

	/** How many workflow replays run at once. */
	private int maxConcurrentWorkflows = 16;

	/** How many activities run at once. */
	private int maxConcurrentActivities = 16;

	/** How long stopping waits for running work before handing it back to the sidecar. */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxConcurrentWorkflows() {
		return this.maxConcurrentWorkflows;
	}

	public void setMaxConcurrentWorkflows(int maxConcurrentWorkflows) {
		this.maxConcurrentWorkflows = maxConcurrentWorkflows;
	}

	public int getMaxConcurrentActivities() {
		return this.maxConcurrentActivities;
	}

	public void setMaxConcurrentActivities(int maxConcurrentActivities) {
		this.maxConcurrentActivities = maxConcurrentActivities;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

}
