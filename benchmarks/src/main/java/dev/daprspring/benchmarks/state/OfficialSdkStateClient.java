package dev.daprspring.benchmarks.state;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.client.domain.State;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.DaprSidecar;

/**
 * The round trip through the official Dapr Java SDK's {@link DaprClient}, blocking on
 * each call as a servlet application does.
 */
final class OfficialSdkStateClient extends StateClient {

	private final DaprClient client;

	private OfficialSdkStateClient(DaprClient client, StateKeys keys) {
		super("official", keys);
		this.client = client;
	}

	static OfficialSdkStateClient connect(DaprSidecar dapr, StateKeys keys) {
		// The SDK reads its sidecar's ports from these properties when the client is built.
		System.setProperty("dapr.grpc.port", Integer.toString(dapr.grpcPort()));
		System.setProperty("dapr.http.port", Integer.toString(dapr.httpPort()));
		System.setProperty("dapr.sidecar.ip", "127.0.0.1");
		return new OfficialSdkStateClient(new DaprClientBuilder().build(), keys);
	}

	@Override
	protected void save(String key, Order value) {
		this.client.saveState(STORE, key, value).block();
	}

	@Override
	protected @Nullable Order get(String key) {
		State<Order> state = this.client.getState(STORE, key, Order.class).block();
		return (state != null) ? state.getValue() : null;
	}

	@Override
	public void close() throws Exception {
		this.client.close();
	}

}
