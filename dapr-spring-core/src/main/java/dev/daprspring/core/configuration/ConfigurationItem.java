package dev.daprspring.core.configuration;

import java.util.Map;

import io.dapr.v1.CommonProtos;
import org.jspecify.annotations.Nullable;

/**
 * One item of a configuration store.
 *
 * @param value the value; empty when a change reports the key was deleted
 * @param version the store's version of the value, or {@code null} when it keeps none
 * @param metadata what the store adds about the item
 */
public record ConfigurationItem(String value, @Nullable String version, Map<String, String> metadata) {

	public ConfigurationItem {
		metadata = Map.copyOf(metadata);
	}

	static ConfigurationItem from(CommonProtos.ConfigurationItem item) {
		return new ConfigurationItem(item.getValue(), item.getVersion().isEmpty() ? null : item.getVersion(),
				item.getMetadataMap());
	}

}
