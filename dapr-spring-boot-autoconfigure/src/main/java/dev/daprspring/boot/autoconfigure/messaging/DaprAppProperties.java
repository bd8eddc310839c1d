package dev.daprspring.boot.autoconfigure.messaging;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the sidecar calls the application.
 */
@ConfigurationProperties("dapr.app")
public class DaprAppProperties {

	/** Token the sidecar must send in dapr-api-token on every call to the app; defaults to APP_API_TOKEN. */
	private @Nullable String apiToken;

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

}
