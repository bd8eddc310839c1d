package dev.daprspring.boot.autoconfigure.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.error.DaprException;
import dev.daprspring.core.error.DaprPermissionDeniedException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.error.DaprTimeoutException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.dao.DataAccessException;

/**
 * Names the {@code dapr.client.*} property to fix when a call to the sidecar fails the
 * startup: core, which knows no Spring Boot, only speaks of the client's settings.
 * Failures that no client setting fixes are left to other analyzers.
 */
class DaprClientFailureAnalyzer extends AbstractFailureAnalyzer<DataAccessException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, DataAccessException cause) {
		String action = (cause instanceof DaprException dapr) ? action(cause, dapr) : null;
		return (action != null) ? new FailureAnalysis(String.valueOf(cause.getMessage()), action, cause) : null;
	}

	private static @Nullable String action(DataAccessException ex, DaprException dapr) {
		String said = dapr.getDetails().description().toLowerCase(Locale.ROOT);
		if (ex instanceof DaprSidecarUnavailableException) {
			return "Start daprd, or point dapr.client.grpc-endpoint (or DAPR_GRPC_ENDPOINT / DAPR_GRPC_PORT) at a "
					+ "running sidecar";
		}
		if (ex instanceof DaprTimeoutException) {
			return "Raise dapr.client.timeout if the sidecar or component is slow";
		}
		// "access denied by policy" is a secret scope of daprd's Configuration, not the token.
		if (ex instanceof DaprPermissionDeniedException && !said.contains("access denied by policy")) {
			return "Set dapr.client.api-token (or DAPR_API_TOKEN) to the token daprd was started with";
		}
		if (said.contains("exceeds maximum size")) {
			return "Raise dapr.client.max-message-size";
		}
		return null;
	}

}
