package dev.daprspring.boot.actuate.endpoint;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprBuildingBlock;
import dev.daprspring.core.client.DaprCallPolicy;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.ResilientCallPolicy;

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

	/** The building blocks whose circuit breakers are shown. */
	private static final Set<DaprBuildingBlock> SHOWN_BREAKERS = EnumSet.of(DaprBuildingBlock.STATE,
			DaprBuildingBlock.PUBSUB, DaprBuildingBlock.BINDINGS, DaprBuildingBlock.SECRETS,
			DaprBuildingBlock.CONFIGURATION, DaprBuildingBlock.METADATA, DaprBuildingBlock.ACTORS,
			DaprBuildingBlock.JOBS, DaprBuildingBlock.CRYPTO);

	/**
	 * Describes a client as it is now.
	 * @param options its options
	 * @param policy its call policy, whose circuit breakers are shown when it has them
	 * @return the description, with the API token masked
	 */
	public static ClientDescriptor of(DaprClientOptions options, @Nullable DaprCallPolicy policy) {
		Map<String, String> breakers = new LinkedHashMap<>();
		if (policy instanceof ResilientCallPolicy resilient) {
			SHOWN_BREAKERS.forEach((block) -> breakers.put(block.id(), resilient.circuitBreakerState(block.id()).name()));
		}
		return new ClientDescriptor(options.grpcEndpoint(), options.httpEndpoint(),
				(options.apiToken() != null) ? MASK : null, options.timeout(), options.maxInboundMessageSize(),
				options.keepAliveTime(), options.keepAliveTimeout(),
				new Resilience(policy instanceof ResilientCallPolicy, breakers));
	}

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
