package dev.daprspring.boot.autoconfigure.messaging;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * How the sidecar proves itself when it calls the application: the token every
 * sidecar-facing endpoint (topics, bindings, jobs, actors) requires. A properties-backed
 * bean is the default; define one to take the token from elsewhere.
 */
public interface DaprAppConnectionDetails extends ConnectionDetails {

	/**
	 * The token the sidecar must send as {@code dapr-api-token}, or {@code null} when the
	 * app admits every caller.
	 */
	@Nullable String getAppApiToken();

}
