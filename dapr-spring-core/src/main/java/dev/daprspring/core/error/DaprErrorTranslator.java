package dev.daprspring.core.error;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.dapr.v1.DaprMetadataProtos.RegisteredComponents;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprBuildingBlock;
import dev.daprspring.core.client.DaprCall;
import org.springframework.dao.DataAccessException;

/**
 * Turns a gRPC failure from the sidecar into the {@link DaprException} that says what
 * went wrong and what would be right. Looks up the sidecar's components only on the
 * failure paths that need them.
 */
public final class DaprErrorTranslator {

	private final String endpoint;

	private final Supplier<List<RegisteredComponents>> components;

	/**
	 * @param endpoint the sidecar's gRPC endpoint, named in connection errors
	 * @param components reads the sidecar's components, for errors that list them
	 */
	public DaprErrorTranslator(String endpoint, Supplier<List<RegisteredComponents>> components) {
		this.endpoint = endpoint;
		this.components = components;
	}

	/** Translates a failed call. */
	public DataAccessException translate(StatusRuntimeException ex, DaprCall call) {
		Status status = ex.getStatus();
		String description = (status.getDescription() != null) ? status.getDescription() : status.getCode().name();
		String lower = description.toLowerCase(Locale.ROOT);
		ErrorInfo info = errorInfo(ex);
		String reason = (info != null) ? info.getReason() : null;
		DaprErrorDetails details = new DaprErrorDetails(call.name(), call.component(), status.getCode().name(),
				reason, (info != null) ? info.getMetadataMap() : Map.of(), description);
		String what = call.name() + describeComponent(call);
		switch (status.getCode()) {
			case UNAVAILABLE:
				return new DaprSidecarUnavailableException("Dapr sidecar at " + this.endpoint + " is unavailable ("
						+ what + "): " + description + ". Is daprd running and is the client's gRPC endpoint right?",
						details, ex);
			case UNKNOWN:
				if (connectionLost(status, lower)) {
					// grpc-java reports a connection that closed under a call as UNKNOWN, not UNAVAILABLE.
					return new DaprOutcomeUnknownException("Dapr sidecar at " + this.endpoint + " is unavailable ("
							+ what + "): the connection closed during the call (" + description + "), so it may or "
							+ "may not have taken effect; read what it would have changed before writing it again. "
							+ "Is daprd running and is the client's gRPC endpoint right?", details, ex);
				}
				break;
			case DEADLINE_EXCEEDED:
				return new DaprTimeoutException(what + " did not finish within its deadline; raise "
						+ "the client's timeout if the sidecar or component is slow", details, ex);
			case UNAUTHENTICATED:
			case PERMISSION_DENIED:
				if (lower.contains("access denied by policy")) {
					// A secret scope of daprd's Configuration said no, not the API token.
					return new DaprPermissionDeniedException(what + " was denied by the sidecar's secret scopes: "
							+ description + ". Allow the secret in spec.secrets.scopes (allowedSecrets, "
							+ "defaultAccess) of the Dapr Configuration daprd runs with", details, ex);
				}
				return new DaprPermissionDeniedException("Dapr sidecar at " + this.endpoint + " rejected " + what
						+ ": " + description + ". Give the client the API token (DAPR_API_TOKEN) "
						+ "daprd was started with", details, ex);
			case RESOURCE_EXHAUSTED:
				if (lower.contains("received message larger than max")) {
					// daprd's gRPC server refused the request: its size limit is --max-body-size.
					return new DaprInvalidArgumentException(what + " was rejected: the request is larger than the "
							+ "sidecar accepts (" + description + "). Send less (split the value, or store it "
							+ "elsewhere and send a reference), or start daprd with a larger --max-body-size "
							+ "(annotation dapr.io/max-body-size on Kubernetes; 4Mi by default)", details, ex);
				}
				if (lower.contains("exceeds maximum size")) {
					return new DaprInvalidArgumentException(what + " failed: the sidecar's answer is larger than "
							+ "this client accepts (" + description + "); raise the client's maximum message size",
							details, ex);
				}
				break;
			default:
		}
		if (isComponentMissing(reason, lower)) {
			return new DaprComponentNotFoundException(componentMissing(call, description), details, ex);
		}
		if (status.getCode() == Status.Code.ABORTED || isEtagMismatch(lower)) {
			return new DaprEtagMismatchException(what + " failed: the ETag no longer matches the stored value "
					+ "(another writer changed it first); nothing was written. Read the value again and retry. "
					+ "Sidecar said: " + description, details, ex);
		}
		if ((reason != null && reason.contains("NOT_SUPPORTED")) || lower.contains("does not support")) {
			return new DaprUnsupportedOperationException(unsupported(call, description), details, ex);
		}
		if (status.getCode() == Status.Code.INVALID_ARGUMENT) {
			return new DaprInvalidArgumentException(what + " was rejected: " + description, details, ex);
		}
		return new DaprApiException(what + " failed: " + status.getCode() + " " + description
				+ ((reason != null) ? " (" + reason + ")" : ""), details, ex);
	}

	private static boolean connectionLost(Status status, String lower) {
		return status.getCause() instanceof java.io.IOException || lower.equals("channel closed");
	}

	private static boolean isComponentMissing(@Nullable String reason, String lower) {
		if (reason != null && reason.startsWith("DAPR_") && reason.endsWith("_NOT_FOUND")) {
			return true;
		}
		return lower.contains("couldn't find output binding") || lower.contains("secret store is not configured")
				|| lower.contains("failed finding secret store") || lower.contains("stores not configured")
				|| lower.contains("configuration store") && lower.contains("not found")
				|| lower.contains("crypto provider") && lower.contains("not found")
				|| lower.contains("crypto providers not configured")
				|| lower.contains("failed finding conversation component")
				// daprd 1.17: "lock store <name> not found", or "lock store is not configured" when it has none.
				|| lower.startsWith("lock store") && (lower.endsWith(" not found") || lower.endsWith("not configured"));
	}

	private static boolean isEtagMismatch(String lower) {
		// state.redis checks ETags in a Lua script inside transactions and only reports
		// "failed to set/delete key" when the stored version differs.
		return lower.contains("etag mismatch") || (lower.contains("state transaction")
				&& (lower.contains("failed to set key") || lower.contains("failed to delete key")))
				|| isRedisScriptRefusal(lower);
	}

	// Outside a transaction, state.redis reports its Lua script's refusal of a save without an
	// ETag (the key exists and was written with first-write concurrency) as an internal error;
	// state.in-memory reports the same refusal as an ETag mismatch. Other failures of the save
	// ("failed to set key <key>: <cause>") do not come from the script ("user_script").
	private static boolean isRedisScriptRefusal(String lower) {
		return lower.contains("user_script") && lower.contains(": failed to set key ");
	}

	private String componentMissing(DaprCall call, String description) {
		DaprBuildingBlock block = DaprBuildingBlock.of(call.buildingBlock());
		String kind = (block != null) ? block.componentKind() : "component";
		String prefix = (block != null) ? block.componentTypePrefix() : "";
		String available;
		try {
			List<String> names = this.components.get()
				.stream()
				.filter((c) -> c.getType().startsWith(prefix))
				.map((c) -> c.getName() + " (" + c.getType() + ")")
				.toList();
			available = names.isEmpty() ? "it has no " + kind + " loaded"
					: "it has: " + String.join(", ", names);
		}
		catch (RuntimeException ex) {
			available = "its components could not be listed: " + ex.getMessage();
		}
		return "No " + kind + " named '" + call.component() + "' is loaded by the Dapr sidecar at " + this.endpoint
				+ "; " + available + ". Check the name, or the component files in daprd's resources path. "
				+ "Sidecar said: " + description;
	}

	private String unsupported(DaprCall call, String description) {
		String capabilities = "";
		try {
			capabilities = this.components.get()
				.stream()
				.filter((c) -> c.getName().equals(call.component()))
				.findFirst()
				.map((c) -> "; '" + c.getName() + "' is " + c.getType() + "/" + c.getVersion()
						+ " with capabilities " + c.getCapabilitiesList().stream().collect(Collectors.joining(", ")))
				.orElse("");
		}
		catch (RuntimeException ex) {
			// The capabilities only enrich the message.
		}
		String hint = "query".equals(call.operation())
				? ". The state query API needs a store with the QUERY_API capability, such as state.postgresql v1"
				: "";
		return call.name() + describeComponent(call) + " is not supported by the component: " + description
				+ capabilities + hint;
	}

	private static String describeComponent(DaprCall call) {
		return (call.component() != null) ? " on '" + call.component() + "'" : "";
	}

	private static @Nullable ErrorInfo errorInfo(StatusRuntimeException ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		if (status == null) {
			return null;
		}
		for (Any detail : status.getDetailsList()) {
			if (detail.is(ErrorInfo.class)) {
				try {
					return detail.unpack(ErrorInfo.class);
				}
				catch (InvalidProtocolBufferException unreadable) {
					return null;
				}
			}
		}
		return null;
	}

}
