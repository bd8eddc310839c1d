package dev.daprspring.boot.actuate.endpoint;

import java.util.Map;
import java.util.function.Supplier;

import dev.daprspring.boot.actuate.SidecarProbe;
import dev.daprspring.boot.actuate.SidecarProbeException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/dapr}: what the sidecar runs (its metadata as it reports it:
 * components with capabilities, subscriptions with their type, HTTP endpoints, app
 * connection properties, actor runtime), the {@code @Topic} handlers and
 * {@code @BindingListener}s this application registered, and the client's effective
 * configuration with the API token masked. Values of the metadata whose names look like
 * credentials (for example an {@code extended} attribute {@code db-password}) are masked.
 */
@Endpoint(id = "dapr")
public class DaprEndpoint {

	private final SidecarProbe sidecar;

	private final Supplier<ApplicationDescriptor> application;

	private final Supplier<ClientDescriptor> client;

	public DaprEndpoint(SidecarProbe sidecar, Supplier<ApplicationDescriptor> application,
			Supplier<ClientDescriptor> client) {
		this.sidecar = sidecar;
		this.application = application;
		this.client = client;
	}

	/** Describes the sidecar, this application's handlers and the client. */
	@ReadOperation
	public DaprDescriptor dapr() {
		return new DaprDescriptor(sidecar(), this.application.get(), this.client.get());
	}

	private Map<String, Object> sidecar() {
		try {
			return SidecarMetadataMask.mask(this.sidecar.metadata());
		}
		catch (SidecarProbeException ex) {
			return Map.of("endpoint", this.sidecar.endpoint(), "error", String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param sidecar the sidecar's {@code /v1.0/metadata}, or its endpoint and an error
	 * @param application this application's handlers
	 * @param client the client's effective configuration
	 */
	public record DaprDescriptor(Map<String, Object> sidecar, ApplicationDescriptor application,
			ClientDescriptor client) {

	}

}
