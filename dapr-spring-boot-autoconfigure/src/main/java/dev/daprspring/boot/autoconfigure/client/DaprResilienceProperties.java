package dev.daprspring.boot.autoconfigure.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.daprspring.core.client.ResilientCallPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retries and circuit breaking of calls to the sidecar, for all building blocks and per
 * building block.
 */
@ConfigurationProperties("dapr.client.resilience")
public class DaprResilienceProperties {

	/** Whether calls are retried and guarded by circuit breakers. */
	private boolean enabled = true;

	/** Settings for every building block. */
	private final Block defaults = new Block();

	/** Settings per building block (state, pubsub, bindings, secrets, configuration, metadata). */
	private final Map<String, Block> buildingBlocks = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Block getDefaults() {
		return this.defaults;
	}

	public Map<String, Block> getBuildingBlocks() {
		return this.buildingBlocks;
	}

	/** The settings of one building block: its own where given, else the defaults. */
	ResilientCallPolicy.Settings settingsFor(String buildingBlock) {
		Block block = this.buildingBlocks.getOrDefault(buildingBlock, this.defaults);
		return new ResilientCallPolicy.Settings(block.getMaxAttempts(), block.getInitialBackoff(),
				block.getMultiplier(), block.isCircuitBreaker(), block.getFailureRateThreshold(),
				block.getSlidingWindowSize(), block.getMinimumCalls(), block.getOpenStateWait());
	}

	/**
	 * Resilience settings of one building block.
	 */
	public static class Block {

		private static final ResilientCallPolicy.Settings DEFAULTS = ResilientCallPolicy.Settings.defaults();

		/** Attempts including the first; 1 turns retries off. */
		private int maxAttempts = DEFAULTS.maxAttempts();

		/** Wait before the second attempt. */
		private Duration initialBackoff = DEFAULTS.initialBackoff();

		/** Growth factor of each further wait. */
		private double multiplier = DEFAULTS.multiplier();

		/** Whether a circuit breaker guards the building block. */
		private boolean circuitBreaker = DEFAULTS.circuitBreaker();

		/** Percentage of failed calls (unreachable sidecar, timeouts) that opens the circuit. */
		private float failureRateThreshold = DEFAULTS.failureRateThreshold();

		/** Number of recent calls the failure rate is computed over. */
		private int slidingWindowSize = DEFAULTS.slidingWindowSize();

		/** Calls needed before the failure rate counts. */
		private int minimumCalls = DEFAULTS.minimumCalls();

		/** How long an open circuit rejects calls before letting one through. */
		private Duration openStateWait = DEFAULTS.openStateWait();

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public boolean isCircuitBreaker() {
			return this.circuitBreaker;
		}

		public void setCircuitBreaker(boolean circuitBreaker) {
			this.circuitBreaker = circuitBreaker;
		}

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public int getMinimumCalls() {
			return this.minimumCalls;
		}

		public void setMinimumCalls(int minimumCalls) {
			this.minimumCalls = minimumCalls;
		}

		public Duration getOpenStateWait() {
			return this.openStateWait;
		}

		public void setOpenStateWait(Duration openStateWait) {
			this.openStateWait = openStateWait;
		}

	}

}
