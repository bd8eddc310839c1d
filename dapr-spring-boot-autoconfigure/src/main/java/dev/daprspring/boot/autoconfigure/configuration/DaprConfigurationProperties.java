package dev.daprspring.boot.autoconfigure.configuration;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the configuration API: the subscriptions whose changes are published
 * as {@link DaprConfigurationChangedEvent}s.
 */
@ConfigurationProperties("dapr.configuration")
public class DaprConfigurationProperties {

	/** Configuration stores to follow while the application runs, each change published as an event. */
	private List<Subscription> subscriptions = new ArrayList<>();

	public List<Subscription> getSubscriptions() {
		return this.subscriptions;
	}

	public void setSubscriptions(List<Subscription> subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * One followed configuration store.
	 */
	public static class Subscription {

		/** Name of the configuration store component. */
		private @Nullable String store;

		/** Keys to follow; all keys of the store when empty. */
		private List<String> keys = new ArrayList<>();

		public @Nullable String getStore() {
			return this.store;
		}

		public void setStore(@Nullable String store) {
			this.store = store;
		}

		public List<String> getKeys() {
			return this.keys;
		}

		public void setKeys(List<String> keys) {
			this.keys = keys;
		}

	}

}
