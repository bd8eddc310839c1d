package dev.daprspring.boot.autoconfigure.client;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Dapr sidecar listens and how to authenticate to it. A properties-backed
 * bean is the default; a launched or containerised sidecar supplies its own.
 */
public interface DaprConnectionDetails extends ConnectionDetails {

	/** The sidecar's gRPC endpoint, for example {@code http://127.0.0.1:50001}. */
	String getGrpcEndpoint();

	/** The sidecar's HTTP endpoint, for example {@code http://127.0.0.1:3500}. */
	String getHttpEndpoint();

	/** The token sent as {@code dapr-api-token} on every call, or {@code null} for none. */
	default @Nullable String getApiToken() {
		return null;
	}

	/**
	 * The sidecar's Prometheus metrics endpoint, when these details know it (a container's
	 * mapped metrics port); {@code null} leaves it to {@code dapr.sidecar.metrics.endpoint}.
	 */
	default @Nullable String getMetricsEndpoint() {
		return null;
	}

}
