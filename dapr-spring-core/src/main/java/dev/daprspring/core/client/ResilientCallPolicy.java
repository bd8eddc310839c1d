package dev.daprspring.core.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import dev.daprspring.core.error.DaprErrorDetails;
import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.error.DaprOutcomeUnknownException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.error.DaprTimeoutException;

/**
 * Retries and circuit breaking with Resilience4j, one retry and one circuit breaker per
 * building block. Only transient failures count: an unreachable sidecar is retried for
 * every call, a timeout only for reads, since a write that timed out may have happened,
 * and a connection that closed under a call ({@link DaprOutcomeUnknownException}) only
 * for reads and writes that are safe to repeat ({@link DaprCall#repeatable()}). When the
 * repetition of an ETag-guarded write then finds the ETag changed, the outcome is unknown,
 * not a conflict. ETag conflicts, unknown components and bad arguments are never retried.
 */
public final class ResilientCallPolicy implements DaprCallPolicy {

	private final Function<String, Settings> settings;

	// Settings are fixed per building block, as the breakers and retries built from them are.
	private final Map<String, Settings> blockSettings = new ConcurrentHashMap<>();

	// By building block and kind of call (read, repeatable write, write): each kind retries other failures.
	private final Map<String, Retry> retries = new ConcurrentHashMap<>();

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
		Supplier<T> guarded = (call.repeatable() && !call.idempotent()) ? ambiguityAware(call, attempt) : attempt;
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
			String kind = call.idempotent() ? "read" : call.repeatable() ? "repeatable-write" : "write";
			Retry retry = this.retries.computeIfAbsent(block + "/" + kind,
					(name) -> Retry.of("dapr-" + name, retryConfig(blockSettings, call)));
			return retry.executeSupplier(guarded);
		}
		return guarded.get();
	}

	/** The circuit breaker of a building block, once it has been used. */
	public CircuitBreaker.State circuitBreakerState(String buildingBlock) {
		CircuitBreaker breaker = this.circuitBreakers.get(buildingBlock);
		return (breaker != null) ? breaker.getState() : CircuitBreaker.State.CLOSED;
	}

	// A repeated write that finds its ETag changed may have been changed by its own first attempt.
	private static <T> Supplier<T> ambiguityAware(DaprCall call, Supplier<T> attempt) {
		AtomicReference<DaprOutcomeUnknownException> ambiguous = new AtomicReference<>();
		return () -> {
			try {
				return attempt.get();
			}
			catch (DaprOutcomeUnknownException ex) {
				ambiguous.set(ex);
				throw ex;
			}
			catch (DaprEtagMismatchException ex) {
				DaprOutcomeUnknownException earlier = ambiguous.get();
				if (earlier == null) {
					throw ex;
				}
				DaprOutcomeUnknownException unknown = new DaprOutcomeUnknownException(call.name()
						+ " may or may not have been written: the connection of an earlier attempt closed during "
						+ "the call, and the retry found the ETag changed, perhaps by that attempt. Read the value "
						+ "to find out before writing again", ex.getDetails(), ex);
				unknown.addSuppressed(earlier);
				throw unknown;
			}
		};
	}

	private static RetryConfig retryConfig(Settings settings, DaprCall call) {
		return RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), settings.multiplier()))
			.retryOnException((ex) -> isRetryable(ex, call))
			.build();
	}

	// A call whose connection closed under it is repeated only when that is safe; an unknown outcome that
	// a repetition revealed (an ETag mismatch) is not repeated again.
	private static boolean isRetryable(Throwable ex, DaprCall call) {
		if (ex instanceof DaprOutcomeUnknownException) {
			return call.repeatable() && !(ex.getCause() instanceof DaprEtagMismatchException);
		}
		return isTransient(ex, call.idempotent());
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
