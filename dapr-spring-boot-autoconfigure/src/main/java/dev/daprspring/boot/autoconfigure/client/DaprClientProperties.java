package dev.daprspring.boot.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

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

	/** Deadline of each call to the sidecar. */
	private Duration timeout = Duration.ofSeconds(60);

	/** Largest response accepted from the sidecar. */
	private DataSize maxMessageSize = DataSize.ofMegabytes(4);

	/** Interval of keepalive pings on an idle connection; none when unset. */
	private @Nullable Duration keepAliveTime;

	/** How long to wait for a keepalive ping's answer. */
	private Duration keepAliveTimeout = Duration.ofSeconds(20);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public @Nullable Duration getKeepAliveTime() {
		return this.keepAliveTime;
	}

	public void setKeepAliveTime(@Nullable Duration keepAliveTime) {
		this.keepAliveTime = keepAliveTime;
	}

	public Duration getKeepAliveTimeout() {
		return this.keepAliveTimeout;
	}

	public void setKeepAliveTimeout(Duration keepAliveTimeout) {
		this.keepAliveTimeout = keepAliveTimeout;
	}

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
