package dev.daprspring.boot.autoconfigure.actuate.endpoint;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The client's effective configuration.
 *
 * @param grpcEndpoint the sidecar's gRPC endpoint
 * @param httpEndpoint the sidecar's HTTP endpoint
 * @param apiToken {@code ******} when an API token is sent, else {@code null}
 * @param timeout the deadline of each call
 * @param maxMessageSize the largest response accepted, in bytes
 * @param keepAliveTime the keepalive ping interval of an idle channel, or {@code null}
 * @param keepAliveTimeout how long a keepalive ping may go unanswered
 * @param resilience whether calls are retried, and the circuit breaker state of each
 * building block
 */
public record ClientDescriptor(String grpcEndpoint, String httpEndpoint, @Nullable String apiToken, Duration timeout,
		int maxMessageSize, @Nullable Duration keepAliveTime, Duration keepAliveTimeout, Resilience resilience) {

	/** What an API token is shown as. */
	public static final String MASK = "******";

	/**
	 * The resilience of client calls.
	 *
	 * @param enabled whether retries and circuit breakers apply
	 * @param circuitBreakers the state of each building block's circuit breaker
	 * ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}…)
	 */
	public record Resilience(boolean enabled, Map<String, String> circuitBreakers) {

	}

}
