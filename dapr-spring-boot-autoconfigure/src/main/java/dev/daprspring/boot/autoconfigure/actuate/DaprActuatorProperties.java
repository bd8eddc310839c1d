package dev.daprspring.boot.autoconfigure.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code dapr} health indicator and actuator endpoint.
 */
@ConfigurationProperties("dapr.actuator")
public class DaprActuatorProperties {

	/** How long the health indicator and the dapr endpoint wait for each answer of the sidecar. */
	private Duration timeout = Duration.ofSeconds(2);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
