package dev.daprspring.core.configuration;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The configuration API of one configuration store.
 */
public interface ConfigurationOperations {

	/** The configuration store these operations use. */
	String storeName();

	/**
	 * The items of the given keys, by key; keys the store does not have are left out.
	 * @param keys the keys; none for every key of the store
	 */
	default Map<String, ConfigurationItem> get(String... keys) {
		return get(List.of(keys), Map.of());
	}

	/** Like {@link #get(String...)}, passing metadata to the store. */
	Map<String, ConfigurationItem> get(List<String> keys, Map<String, String> metadata);

	/**
	 * Follows changes of the given keys. Returns once the sidecar has accepted the
	 * subscription; each change then reaches the listener on a gRPC thread, one at a time.
	 * The store sends changes only, not the current values: read those with {@link #get}.
	 * @param keys the keys; empty for every key of the store
	 * @param listener receives the changed items by key
	 * @return the subscription, to close when done
	 * @throws dev.daprspring.core.error.DaprComponentNotFoundException if the sidecar has
	 * no such configuration store
	 */
	default ConfigurationSubscription subscribe(List<String> keys, Consumer<Map<String, ConfigurationItem>> listener) {
		return subscribe(keys, Map.of(), listener);
	}

	/** Like {@link #subscribe(List, Consumer)}, passing metadata to the store. */
	ConfigurationSubscription subscribe(List<String> keys, Map<String, String> metadata,
			Consumer<Map<String, ConfigurationItem>> listener);

}
