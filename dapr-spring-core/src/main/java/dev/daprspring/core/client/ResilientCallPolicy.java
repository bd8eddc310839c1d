package dev.daprspring.core.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import dev.daprspring.core.error.DaprErrorDetails;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.error.DaprTimeoutException;

/**
 * Retries and circuit breaking with Resilience4j, one retry and one circuit breaker per
 * building block. Only transient failures count: an unreachable sidecar is retried for
 * every call, a timeout only for reads, since a write that timed out may have happened.
 * ETag conflicts, unknown components and bad arguments are never retried.
 */
public final class ResilientCallPolicy implements DaprCallPolicy {

	private final Function<String, Settings> settings;

	// Settings are fixed per building block, as the breakers and retries built from them are.
	private final Map<String, Settings> blockSettings = new ConcurrentHashMap<>();

	private final Map<String, Retry> readRetries = new ConcurrentHashMap<>();

	private final Map<String, Retry> writeRetries = new ConcurrentHashMap<>();

	private final Map<String, CircuitBreaker> circuitBreakers = new ConcurrentHashMap<>();

	/**
	 * @param settings the settings of a building block, by name ({@code state},
	 * {@code pubsub}, …)
	 */
	public ResilientCallPolicy(Function<String, Settings> settings) {
		this.settings = settings;
	}

	@Override
	public <T> T execute(DaprCall call, Supplier<T> attempt) {
		String block = call.buildingBlock();
		Settings blockSettings = this.blockSettings.computeIfAbsent(block, this.settings);
		Supplier<T> guarded = attempt;
		if (blockSettings.circuitBreaker()) {
			CircuitBreaker breaker = this.circuitBreakers.computeIfAbsent(block,
					(name) -> CircuitBreaker.of("dapr-" + name, circuitBreakerConfig(blockSettings)));
			Supplier<T> inner = guarded;
			guarded = () -> {
				try {
					return breaker.executeSupplier(inner);
				}
				catch (CallNotPermittedException ex) {
					throw new DaprSidecarUnavailableException("Not calling the sidecar for " + call.name()
							+ ": the circuit breaker of '" + block + "' is open after repeated failures; it lets a "
							+ "call through again after " + blockSettings.openStateWait(),
							new DaprErrorDetails(call.name(), call.component(), "UNAVAILABLE", null, Map.of(),
									ex.getMessage()),
							ex);
				}
			};
		}
		if (blockSettings.maxAttempts() > 1) {
			Map<String, Retry> retries = call.idempotent() ? this.readRetries : this.writeRetries;
			Retry retry = retries.computeIfAbsent(block,
					(name) -> Retry.of("dapr-" + name, retryConfig(blockSettings, call.idempotent())));
			return retry.executeSupplier(guarded);
		}
		return guarded.get();
	}

	/** The circuit breaker of a building block, once it has been used. */
	public CircuitBreaker.State circuitBreakerState(String buildingBlock) {
		CircuitBreaker breaker = this.circuitBreakers.get(buildingBlock);
		return (breaker != null) ? breaker.getState() : CircuitBreaker.State.CLOSED;
	}

	private static RetryConfig retryConfig(Settings settings, boolean idempotent) {
		return RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), settings.multiplier()))
			.retryOnException((ex) -> isTransient(ex, idempotent))
			.build();
	}

	private static CircuitBreakerConfig circuitBreakerConfig(Settings settings) {
		return CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(Math.min(settings.slidingWindowSize(), settings.minimumCalls()))
			.waitDurationInOpenState(settings.openStateWait())
			.recordException((ex) -> isTransient(ex, true))
			.build();
	}

	private static boolean isTransient(Throwable ex, boolean idempotent) {
		return ex instanceof DaprSidecarUnavailableException || (idempotent && ex instanceof DaprTimeoutException);
	}

	/**
	 * Resilience settings of one building block.
	 *
	 * @param maxAttempts attempts including the first; 1 for no retries
	 * @param initialBackoff the wait before the second attempt
	 * @param multiplier how much each further wait grows
	 * @param circuitBreaker whether the circuit breaker is on
	 * @param failureRateThreshold the percentage of failed calls that opens the circuit
	 * @param slidingWindowSize how many recent calls the failure rate is computed over
	 * @param minimumCalls how many calls are needed before the rate counts
	 * @param openStateWait how long an open circuit rejects calls
	 */
	public record Settings(int maxAttempts, Duration initialBackoff, double multiplier, boolean circuitBreaker,
			float failureRateThreshold, int slidingWindowSize, int minimumCalls, Duration openStateWait) {

		/** Three attempts from 100 ms doubling, a circuit opening at 50% of 20 calls for 10 s. */
		public static Settings defaults() {
			return new Settings(3, Duration.ofMillis(100), 2.0, true, 50, 20, 10, Duration.ofSeconds(10));
		}

	}

}
