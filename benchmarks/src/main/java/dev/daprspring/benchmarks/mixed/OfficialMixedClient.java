package dev.daprspring.benchmarks.mixed;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.client.domain.HttpExtension;

import dev.daprspring.boot.sidecar.DaprSidecar;

/** The mix through the official SDK's {@link DaprClient}, blocking on each call. */
final class OfficialMixedClient implements MixedClient {

	private final DaprClient client;

	private final String appId;

	OfficialMixedClient(DaprSidecar dapr) {
		// The SDK reads its sidecar's ports from these properties when the client is built.
		System.setProperty("dapr.grpc.port", Integer.toString(dapr.grpcPort()));
		System.setProperty("dapr.http.port", Integer.toString(dapr.httpPort()));
		System.setProperty("dapr.sidecar.ip", "127.0.0.1");
		this.client = new DaprClientBuilder().build();
		this.appId = dapr.appId();
	}

	@Override
	public String name() {
		return "official";
	}

	@Override
	public void get(String key) {
		this.client.getState(STORE, key, Item.class).block();
	}

	@Override
	public void save(String key, Item item) {
		this.client.saveState(STORE, key, item).block();
	}

	@Override
	public void publish(Item item) {
		this.client.publishEvent(PUBSUB, TOPIC, item).block();
	}

	@Override
	@SuppressWarnings("deprecation") // still the SDK's one-call invocation in 1.17
	public void invoke(Item item) {
		this.client.invokeMethod(this.appId, "echo", item, HttpExtension.POST, Item.class).block();
	}

	@Override
	public void close() throws Exception {
		this.client.close();
	}

}
