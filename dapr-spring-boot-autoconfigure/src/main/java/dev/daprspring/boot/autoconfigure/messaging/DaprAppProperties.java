package dev.daprspring.boot.autoconfigure.messaging;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the sidecar calls the application.
 */
@ConfigurationProperties("dapr.app")
public class DaprAppProperties {

	/** How the sidecar calls the app: http (servlets) or grpc (AppCallback served by Spring gRPC's server). */
	private Protocol protocol = Protocol.HTTP;

	/** Token the sidecar must send in dapr-api-token on every call to the app; defaults to APP_API_TOKEN; empty counts as unset. */
	private @Nullable String apiToken;

	/** Largest request body the sidecar may post to the app (deliveries, bindings); set it to the sidecar's --max-body-size. */
	private DataSize maxBodySize = DataSize.ofMegabytes(4);

	public Protocol getProtocol() {
		return this.protocol;
	}

	public void setProtocol(Protocol protocol) {
		this.protocol = protocol;
	}

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}


	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	/**
	 * How the sidecar calls the application.
	 */
	public enum Protocol {

		/** The sidecar calls servlets: /dapr/subscribe, the delivery routes, /<binding>. */
		HTTP,

		/** The sidecar calls the AppCallback gRPC service on Spring gRPC's server port. */
		GRPC

	}

}
