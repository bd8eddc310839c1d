package dev.daprspring.core.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How to reach the sidecar: endpoints, API token, deadlines and channel limits.
 *
 * @param grpcEndpoint the gRPC endpoint, {@code http://host:port} (plaintext) or
 * {@code https://host:port} (TLS)
 * @param httpEndpoint the HTTP endpoint, used for service invocation
 * @param apiToken the token sent as {@code dapr-api-token}, or {@code null}
 * @param timeout the deadline of each call
 * @param maxInboundMessageSize the largest response accepted, in bytes
 * @param keepAliveTime how often to ping an idle connection, or {@code null} for never
 * @param keepAliveTimeout how long to wait for a ping's answer
 */
public record DaprClientOptions(String grpcEndpoint, String httpEndpoint, @Nullable String apiToken, Duration timeout,
		int maxInboundMessageSize, @Nullable Duration keepAliveTime, Duration keepAliveTimeout) {

	/** Dapr's own default limit for request and response bodies (4 MiB). */
	public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

	public DaprClientOptions {
		Assert.hasText(grpcEndpoint, "gRPC endpoint must not be empty, for example http://127.0.0.1:50001");
		Assert.hasText(httpEndpoint, "HTTP endpoint must not be empty, for example http://127.0.0.1:3500");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(),
				() -> "Timeout must be positive, for example 10s; got " + timeout);
		Assert.isTrue(maxInboundMessageSize > 0,
				() -> "Max inbound message size must be positive, for example 4MB; got " + maxInboundMessageSize);
	}

	/** Options for the given endpoints, with a 60 s deadline and Dapr's default limits. */
	public static DaprClientOptions of(String grpcEndpoint, String httpEndpoint, @Nullable String apiToken) {
		return new DaprClientOptions(grpcEndpoint, httpEndpoint, apiToken, Duration.ofSeconds(60),
				DEFAULT_MAX_MESSAGE_SIZE, null, Duration.ofSeconds(20));
	}

	/** Returns a copy with another deadline. */
	public DaprClientOptions withTimeout(Duration timeout) {
		return new DaprClientOptions(this.grpcEndpoint, this.httpEndpoint, this.apiToken, timeout,
				this.maxInboundMessageSize, this.keepAliveTime, this.keepAliveTimeout);
	}

	@Override
	public String toString() {
		// Never print the token.
		return "DaprClientOptions[grpc=" + this.grpcEndpoint + ", http=" + this.httpEndpoint + ", apiToken="
				+ ((this.apiToken != null) ? "******" : "none") + ", timeout=" + this.timeout + "]";
	}

}
