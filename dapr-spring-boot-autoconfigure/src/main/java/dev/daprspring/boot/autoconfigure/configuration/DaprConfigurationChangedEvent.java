package dev.daprspring.boot.autoconfigure.configuration;

import java.util.Map;

import dev.daprspring.core.configuration.ConfigurationItem;
import org.springframework.context.ApplicationEvent;

/**
 * Items of a configuration store changed. Published on the gRPC thread that received the
 * change, one change at a time per subscription.
 */
public class DaprConfigurationChangedEvent extends ApplicationEvent {

	private final String store;

	private final Map<String, ConfigurationItem> items;

	public DaprConfigurationChangedEvent(Object source, String store, Map<String, ConfigurationItem> items) {
		super(source);
		this.store = store;
		this.items = Map.copyOf(items);
	}

	/** The configuration store. */
	public String getStore() {
		return this.store;
	}

	/** The changed items by key; a deleted key has an empty value. */
	public Map<String, ConfigurationItem> getItems() {
		return this.items;
	}

	@Override
	public String toString() {
		return "DaprConfigurationChangedEvent[" + this.store + " " + this.items.keySet() + "]";
	}

}
