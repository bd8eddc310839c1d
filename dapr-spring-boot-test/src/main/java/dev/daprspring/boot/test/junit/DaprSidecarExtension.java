package dev.daprspring.boot.test.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.daprspring.boot.sidecar.DaprSidecar;

/**
 * Runs a real daprd around a test class. Register it on a static field:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static DaprSidecarExtension dapr = new DaprSidecarExtension(DaprSidecar.builder("orders")
 *         .component(DaprComponents.inMemoryState("statestore")));
 *
 * &#64;DynamicPropertySource
 * static void dapr(DynamicPropertyRegistry registry) {
 *     dapr.registerProperties(registry::add);
 * }
 * </pre>
 *
 * In a Spring Boot test the sidecar can also be supplied as a bean:
 * {@code @Bean DaprConnectionDetails dapr() { return new DaprSidecarConnectionDetails(dapr.sidecar()); }}.
 */
public final class DaprSidecarExtension implements BeforeAllCallback, AfterAllCallback {

	private final DaprSidecar sidecar;

	public DaprSidecarExtension(DaprSidecar.Builder builder) {
		this.sidecar = builder.build();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.sidecar.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.sidecar.close();
	}

	/** The running sidecar, to read its ports or stop and restart it. */
	public DaprSidecar sidecar() {
		return this.sidecar;
	}

	/**
	 * Registers {@code dapr.client.*} properties (and {@code dapr.sidecar.metrics.endpoint})
	 * pointing at this sidecar, typically from a {@code @DynamicPropertySource} method.
	 * @param registry receives each property name and a supplier of its value
	 */
	public void registerProperties(PropertyRegistrar registry) {
		registry.add("dapr.client.grpc-endpoint", this.sidecar::grpcEndpoint);
		registry.add("dapr.client.http-endpoint", this.sidecar::httpEndpoint);
		if (this.sidecar.apiToken() != null) {
			registry.add("dapr.client.api-token", this.sidecar::apiToken);
		}
		if (this.sidecar.metricsEndpoint() != null) {
			registry.add("dapr.sidecar.metrics.endpoint", this.sidecar::metricsEndpoint);
		}
	}

	/** Receives properties; matches {@code DynamicPropertyRegistry#add}. */
	@FunctionalInterface
	public interface PropertyRegistrar {

		void add(String name, java.util.function.Supplier<Object> value);

	}

}
