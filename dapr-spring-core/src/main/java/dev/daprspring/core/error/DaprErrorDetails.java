package dev.daprspring.core.error;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the sidecar said about a failed call.
 *
 * @param operation the call, for example {@code state.save}
 * @param component the component it named, or {@code null}
 * @param grpcCode the gRPC status code, for example {@code ABORTED}
 * @param reason the {@code google.rpc.ErrorInfo} reason, for example
 * {@code DAPR_STATE_ETAG_MISMATCH}, or {@code null}
 * @param metadata the {@code ErrorInfo} metadata
 * @param description the sidecar's own message
 */
public record DaprErrorDetails(String operation, @Nullable String component, String grpcCode, @Nullable String reason,
		Map<String, String> metadata, @Nullable String description) {

}
