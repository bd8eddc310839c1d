package dev.daprspring.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Empty;
import io.dapr.v1.DaprMetadataProtos.GetMetadataRequest;
import io.dapr.v1.DaprProtos.ShutdownRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.core.metadata.SidecarMetadataMapper;
import dev.daprspring.core.state.DaprStateOperations;
import dev.daprspring.core.state.StateOperations;
import org.springframework.util.Assert;

/**
 * The entry point to a Dapr sidecar: one per application, thread-safe, calls made on the
 * calling thread over one shared gRPC channel.
 */
public class DaprTemplate implements DaprOperations {

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final Map<String, StateOperations> stateStores = new ConcurrentHashMap<>();

	private @Nullable String defaultStateStore = "statestore";

	public DaprTemplate(DaprTransport transport, JsonMapper jsonMapper) {
		this.transport = transport;
		this.converter = new DaprValueConverter(jsonMapper);
	}

	/** The state store {@link #state()} uses; {@code statestore} by default. */
	public void setDefaultStateStore(@Nullable String defaultStateStore) {
		this.defaultStateStore = defaultStateStore;
	}

	public DaprTransport getTransport() {
		return this.transport;
	}

	public DaprValueConverter getConverter() {
		return this.converter;
	}

	@Override
	public StateOperations state() {
		Assert.state(this.defaultStateStore != null,
				"No default state store: set dapr.state.default-store or use state(\"name\")");
		return state(this.defaultStateStore);
	}

	@Override
	public StateOperations state(String storeName) {
		return this.stateStores.computeIfAbsent(storeName,
				(name) -> new DaprStateOperations(this.transport, this.converter, name));
	}

	@Override
	public SidecarMetadata metadata() {
		return SidecarMetadataMapper.map(this.transport.call(DaprCall.read("metadata", "get", null),
				(dapr) -> dapr.getMetadata(GetMetadataRequest.getDefaultInstance())));
	}

	@Override
	public void waitForSidecar(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		DaprSidecarUnavailableException last = null;
		while (System.nanoTime() < deadline) {
			try {
				long remaining = Math.max(1, deadline - System.nanoTime());
				this.transport.call(DaprCall.read("metadata", "wait", null),
						(dapr) -> dapr.withDeadlineAfter(Math.min(remaining, TimeUnit.SECONDS.toNanos(1)),
								TimeUnit.NANOSECONDS)
							.getMetadata(GetMetadataRequest.getDefaultInstance()));
				return;
			}
			catch (DaprSidecarUnavailableException ex) {
				last = ex;
				sleep();
			}
			catch (dev.daprspring.core.error.DaprTimeoutException ex) {
				// The sidecar accepted the connection but did not answer yet.
			}
		}
		throw new DaprSidecarUnavailableException("Dapr sidecar at " + this.transport.getOptions().grpcEndpoint()
				+ " did not answer within " + timeout,
				(last != null) ? last.getDetails()
						: new dev.daprspring.core.error.DaprErrorDetails("metadata.wait", null, "DEADLINE_EXCEEDED",
								null, Map.of(), null),
				last);
	}

	@Override
	public void shutdownSidecar() {
		Empty ignored = this.transport.call(DaprCall.write("metadata", "shutdown", null),
				(dapr) -> dapr.shutdown(ShutdownRequest.getDefaultInstance()));
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the sidecar", ex);
		}
	}

}
