package dev.daprspring.boot.autoconfigure.client;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration for the connection to the Dapr sidecar. Unset values fall back to the
 * environment variables Dapr's own SDKs read.
 */
@ConfigurationProperties("dapr.client")
public class DaprClientProperties {

	/** Sidecar gRPC endpoint; defaults to DAPR_GRPC_ENDPOINT, else 127.0.0.1 and DAPR_GRPC_PORT (50001). */
	private @Nullable String grpcEndpoint;

	/** Sidecar HTTP endpoint; defaults to DAPR_HTTP_ENDPOINT, else 127.0.0.1 and DAPR_HTTP_PORT (3500). */
	private @Nullable String httpEndpoint;

	/** API token sent as dapr-api-token on every call; defaults to DAPR_API_TOKEN. */
	private @Nullable String apiToken;

	public @Nullable String getGrpcEndpoint() {
		return this.grpcEndpoint;
	}

	public void setGrpcEndpoint(@Nullable String grpcEndpoint) {
		this.grpcEndpoint = grpcEndpoint;
	}

	public @Nullable String getHttpEndpoint() {
		return this.httpEndpoint;
	}

	public void setHttpEndpoint(@Nullable String httpEndpoint) {
		this.httpEndpoint = httpEndpoint;
	}

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

}
