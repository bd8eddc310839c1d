package dev.daprspring.boot.autoconfigure.actors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the actors this application hosts, served to the sidecar at
 * {@code GET /dapr/config}.
 */
@ConfigurationProperties("dapr.actors")
public class DaprActorsProperties {

	/** Whether to host and call actors. */
	private boolean enabled = true;

	/** How long an actor stays active without calls before the sidecar deactivates it. */
	private Duration idleTimeout = Duration.ofMinutes(60);

	/** How often the sidecar looks for idle actors to deactivate. */
	private Duration scanInterval = Duration.ofSeconds(30);

	/** How long calls may run on when actors move to another instance. */
	private Duration drainOngoingCallTimeout = Duration.ofSeconds(60);

	/** Whether to wait for those calls before moving actors. */
	private boolean drainRebalancedActors = true;

	/** Whether an actor may be called again from within a chain of calls it started. */
	private boolean reentrancy;

	/** How deep a reentrant chain of calls may go. */
	private int maxStackDepth = 32;

	/** Settings of single actor types, by type name, that differ from those above. */
	private Map<String, Type> types = new LinkedHashMap<>();

	public Map<String, Type> getTypes() {
		return this.types;
	}

	public void setTypes(Map<String, Type> types) {
		this.types = types;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public Duration getScanInterval() {
		return this.scanInterval;
	}

	public void setScanInterval(Duration scanInterval) {
		this.scanInterval = scanInterval;
	}

	public Duration getDrainOngoingCallTimeout() {
		return this.drainOngoingCallTimeout;
	}

	public void setDrainOngoingCallTimeout(Duration drainOngoingCallTimeout) {
		this.drainOngoingCallTimeout = drainOngoingCallTimeout;
	}

	public boolean isDrainRebalancedActors() {
		return this.drainRebalancedActors;
	}

	public void setDrainRebalancedActors(boolean drainRebalancedActors) {
		this.drainRebalancedActors = drainRebalancedActors;
	}

	public boolean isReentrancy() {
		return this.reentrancy;
	}

	public void setReentrancy(boolean reentrancy) {
		this.reentrancy = reentrancy;
	}

	public int getMaxStackDepth() {
		return this.maxStackDepth;
	}

	public void setMaxStackDepth(int maxStackDepth) {
		this.maxStackDepth = maxStackDepth;
	}

	/**
	 * Settings of one actor type; those not set are taken from {@code dapr.actors.*}.
	 */
	public static class Type {

		/** How long an actor of this type stays active without calls. */
		private @Nullable Duration idleTimeout;

		/** How long its calls may run on when it moves to another instance. */
		private @Nullable Duration drainOngoingCallTimeout;

		/** Whether to wait for those calls before moving it. */
		private @Nullable Boolean drainRebalancedActors;

		/** Whether it may be called again from within a chain of calls it started. */
		private @Nullable Boolean reentrancy;

		/** How deep a reentrant chain of calls may go. */
		private @Nullable Integer maxStackDepth;

		public @Nullable Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(@Nullable Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public @Nullable Duration getDrainOngoingCallTimeout() {
			return this.drainOngoingCallTimeout;
		}

		public void setDrainOngoingCallTimeout(@Nullable Duration drainOngoingCallTimeout) {
			this.drainOngoingCallTimeout = drainOngoingCallTimeout;
		}

		public @Nullable Boolean getDrainRebalancedActors() {
			return this.drainRebalancedActors;
		}

		public void setDrainRebalancedActors(@Nullable Boolean drainRebalancedActors) {
			this.drainRebalancedActors = drainRebalancedActors;
		}

		public @Nullable Boolean getReentrancy() {
			return this.reentrancy;
		}

		public void setReentrancy(@Nullable Boolean reentrancy) {
			this.reentrancy = reentrancy;
		}

		public @Nullable Integer getMaxStackDepth() {
			return this.maxStackDepth;
		}

		public void setMaxStackDepth(@Nullable Integer maxStackDepth) {
			this.maxStackDepth = maxStackDepth;
		}

	}

}
