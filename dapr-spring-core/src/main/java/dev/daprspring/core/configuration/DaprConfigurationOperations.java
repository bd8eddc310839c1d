package dev.daprspring.core.configuration;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprConfigurationProtos.GetConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.GetConfigurationResponse;
import io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationRequest;

import dev.daprspring.core.client.DaprBuildingBlock;
import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import org.springframework.util.Assert;

/**
 * {@link ConfigurationOperations} over the sidecar's gRPC configuration API.
 */
public final class DaprConfigurationOperations implements ConfigurationOperations {

	static final String BLOCK = DaprBuildingBlock.CONFIGURATION.id();

	private final DaprTransport transport;

	private final String store;

	public DaprConfigurationOperations(DaprTransport transport, String store) {
		Assert.hasText(store, "Configuration store name must not be empty");
		this.transport = transport;
		this.store = store;
	}

	@Override
	public String storeName() {
		return this.store;
	}

	@Override
	public Map<String, ConfigurationItem> get(List<String> keys, Map<String, String> metadata) {
		checkKeys(keys);
		GetConfigurationRequest request = GetConfigurationRequest.newBuilder()
			.setStoreName(this.store)
			.addAllKeys(keys)
			.putAllMetadata(metadata)
			.build();
		GetConfigurationResponse response = this.transport.call(DaprCall.read(BLOCK, "get", this.store),
				(dapr) -> dapr.getConfiguration(request));
		return items(response.getItemsMap());
	}

	@Override
	public ConfigurationSubscription subscribe(List<String> keys, Map<String, String> metadata,
			Consumer<Map<String, ConfigurationItem>> listener) {
		checkKeys(keys);
		SubscribeConfigurationRequest request = SubscribeConfigurationRequest.newBuilder()
			.setStoreName(this.store)
			.addAllKeys(keys)
			.putAllMetadata(metadata)
			.build();
		return StreamingConfigurationSubscription.open(this.transport, request, listener);
	}

	static Map<String, ConfigurationItem> items(Map<String, CommonProtos.ConfigurationItem> items) {
		Map<String, ConfigurationItem> converted = new TreeMap<>();
		items.forEach((key, item) -> converted.put(key, ConfigurationItem.from(item)));
		return Collections.unmodifiableMap(converted);
	}

	private void checkKeys(List<String> keys) {
		keys.forEach((key) -> Assert.hasText(key,
				() -> "Configuration keys must not be empty (configuration store '" + this.store + "'): " + keys));
	}

}
