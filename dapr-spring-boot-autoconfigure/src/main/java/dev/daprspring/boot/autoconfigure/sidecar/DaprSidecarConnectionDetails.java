package dev.daprspring.boot.autoconfigure.sidecar;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.sidecar.DaprSidecar;

/**
 * {@link DaprConnectionDetails} of a {@link DaprSidecar} run by this JVM. Read on each
 * call, so they follow the sidecar across restarts.
 */
public final class DaprSidecarConnectionDetails implements DaprConnectionDetails {

	private final DaprSidecar sidecar;

	public DaprSidecarConnectionDetails(DaprSidecar sidecar) {
		this.sidecar = sidecar;
	}

	@Override
	public String getGrpcEndpoint() {
		return this.sidecar.grpcEndpoint();
	}

	@Override
	public String getHttpEndpoint() {
		return this.sidecar.httpEndpoint();
	}

	@Override
	public @Nullable String getApiToken() {
		return this.sidecar.apiToken();
	}

}
