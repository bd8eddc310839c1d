package dev.daprspring.boot.autoconfigure.idempotency;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code CloudEventDeduplicator} bean.
 */
@ConfigurationProperties("dapr.messaging.idempotency")
public class DaprIdempotencyProperties {

	/** Whether to create a CloudEventDeduplicator bean. */
	private boolean enabled;

	/** State store holding the claims; defaults to dapr.state.default-store. */
	private @Nullable String store;

	/** How long a claimed event id is remembered; a redelivery after that is processed again. */
	private Duration ttl = Duration.ofDays(1);

	/** How long a claim lasts while its work runs (longer than the work takes); a claim left by failed or dead work expires then. */
	private Duration lease = Duration.ofMinutes(5);

	/** Put before each claim's state key. */
	private String keyPrefix = "processed-event:";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getStore() {
		return this.store;
	}

	public void setStore(@Nullable String store) {
		this.store = store;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

}
